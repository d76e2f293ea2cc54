using AttributionTracker.Domain;
using AttributionTracker.Import;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Import;

public sealed class ReviewedImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ArticleText Seed() =>
        ArticleReader.ReadFile(RepositoryFiles.SeedArticle, new ArticleReadOptions { PublishedOn = PartialDate.Parse("2021-07-19") });

    private static Extraction Extract(ArticleText a) => Extractor.Extract(a.Text, a.Language, a.Title, a.PublishedOn);

    [Fact]
    public async Task A_reviewed_extraction_stores_only_the_kept_statements_with_their_corrections_under_the_reviewers_name()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();
        var article = Seed();
        var extraction = Extract(article);
        var rejected = extraction.Statements.First(s => s.Kind == "attribution" && !extraction.Statements.Any(o => o.Answers.Contains(s.Id)));
        var corrected = extraction.Statements.First(s => s.Kind == "attribution" && s != rejected && s.Confidence != "remote-chance");
        var reviewed = extraction with
        {
            Statements = [.. extraction.Statements.Where(s => s != rejected)
                .Select(s => s == corrected ? s with { Confidence = "remote-chance", ConfidenceText = "a remote chance" } : s)],
        };

        await using (var db = store.NewContext())
        {
            var result = await new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(article, reviewed, "review", "editor-ann", Ct);
            Assert.Equal((ImportOutcome.Imported, extraction.Statements.Count - 1), (result.Outcome, result.Statements));
        }

        await using var check = store.NewContext();
        var stored = await check.Statements.Select(s => new { s.SpanStart, Party = s.Parties.Select(p => p.Party!.Name).Single(), s.Confidence, s.UpdatedBy }).ToListAsync(Ct);
        Assert.Equal(extraction.Statements.Count - 1, stored.Count);
        var remote = Assert.Single(stored, s => s.Confidence.Level == ConfidenceLevel.RemoteChance);
        Assert.Equal((corrected.Start, "a remote chance"), (remote.SpanStart!.Value, remote.Confidence.Wording));
        Assert.All(stored, s => Assert.Equal("editor-ann", s.UpdatedBy));
        var rejectedParty = extraction.Parties.Single(p => p.Id == rejected.Party).Name;
        Assert.DoesNotContain(stored, s => s.SpanStart == rejected.Start && s.Party == rejectedParty);
        Assert.Equal(["editor-ann"], await check.RecordChanges.Select(c => c.By).Distinct().ToListAsync(Ct));
    }

    [Fact]
    public async Task A_reviewed_extraction_that_does_not_fit_the_text_is_refused_and_nothing_is_written()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();
        var article = Seed();
        var extraction = Extract(article);
        var denial = extraction.Statements.First(s => s.Answers.Count > 0);
        var broken = extraction with
        {
            Statements =
            [
                .. extraction.Statements
                    .Where(s => !denial.Answers.Contains(s.Id))
                    .Select((s, i) => i == 0 ? s with { Start = s.Start + 1 } : s)
                    .Select(s => s == extraction.Statements[^1] ? s with { Incident = "i99" } : s),
            ],
        };
        await using var before = store.NewContext();
        var (actors, changes) = (await before.Actors.CountAsync(Ct), await before.RecordChanges.CountAsync(Ct));

        await using (var db = store.NewContext())
        {
            var refused = await Assert.ThrowsAsync<InvalidExtractionException>(() =>
                new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(article, broken, "review", "editor-ann", Ct));
            Assert.Contains(refused.Problems, p => p.Contains("quote is not the article's text", StringComparison.Ordinal));
            Assert.Contains(refused.Problems, p => p.Contains($"statement {denial.Id}: it answers statement", StringComparison.Ordinal));
            Assert.Contains(refused.Problems, p => p.Contains("there is no incident i99", StringComparison.Ordinal));
        }

        await using var after = store.NewContext();
        Assert.Equal((0, 0, actors, changes), (await after.Sources.CountAsync(Ct), await after.Statements.CountAsync(Ct), await after.Actors.CountAsync(Ct), await after.RecordChanges.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("en_01_notpetya_russia.txt")]
    [InlineData("es_04_albania_iran_ruptura.txt")]
    [InlineData("en_11_midnight_blizzard_microsoft.md")]
    public void What_the_extractor_finds_passes_the_check_a_reviewed_extraction_must_pass(string file)
    {
        var article = ArticleReader.ReadFile(RepositoryFiles.Corpus(file));
        Assert.Empty(ExtractionCheck.Problems(article.Text, Extract(article)));
    }

    [Fact]
    public async Task The_preview_says_which_records_exist_as_the_importer_would_merge_them()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();
        var article = Seed();
        var extraction = Extract(article);
        await using var db = store.NewContext();

        var before = await ExistingRecords.FindAsync(db, extraction, Ct);
        var hafnium = extraction.Actors.Single(a => a.Name == "HAFNIUM");
        Assert.Equal("HAFNIUM", before.Actors[hafnium.Id].Name);
        Assert.NotEqual(extraction.Incidents.Count, before.Incidents.Count);

        await new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(article, "seed.txt", Ct);
        var after = await ExistingRecords.FindAsync(db, extraction, Ct);
        var used = extraction.Statements;
        Assert.All(used, s => Assert.True(after.Parties.ContainsKey(s.Party), $"party {s.Party}"));
        Assert.All(used.Where(s => s.Incident is not null), s => Assert.True(after.Incidents.ContainsKey(s.Incident!), $"incident {s.Incident}"));
        Assert.All(used.Where(s => s.Actor is not null), s => Assert.True(after.Actors.ContainsKey(s.Actor!), $"actor {s.Actor}"));
    }
}
