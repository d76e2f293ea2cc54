using AttributionTracker.Domain;
using AttributionTracker.Import;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>
/// Storing fuzzed articles: each import either commits the whole article — its source and every statement, every
/// foreign key valid, every quote the stored text at its span — or, when it fails, leaves every table as it was.
/// </summary>
public sealed class ImporterFuzzTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mutated_articles_are_stored_whole_or_not_at_all()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();

        // One store for every case, so later articles merge into what earlier ones stored, as in real use.
        // Task.Run: the property is synchronous, and the test's synchronisation context must not be blocked on.
        FuzzRun.Check(MutatedArticles.Article, 12, m => Task.Run(async () =>
        {
            if (ArticlePipeline.ReadAndExtract(m.Bytes, m.File) is not var (article, _))
            {
                return;
            }

            var before = await StoreSnapshot.CountsAsync(store);
            ImportResult result;
            await using (var db = store.NewContext())
            {
                result = await new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(article, m.File, Ct);
            }

            var after = await StoreSnapshot.CountsAsync(store);
            if (result.Outcome == ImportOutcome.AlreadyImported)
            {
                Assert.Equal(before, after);
                return;
            }

            Assert.Equal(before["Sources"] + 1, after["Sources"]);
            Assert.Equal(before["Statements"] + result.Statements, after["Statements"]);
            await AssertStoredWholeAsync(store, result.SourceId, article);
        }).GetAwaiter().GetResult());
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("en_01_notpetya_russia.txt")]
    public async Task A_database_failure_at_any_command_of_an_import_leaves_no_partial_record(string file)
    {
        var article = ArticleReader.ReadFile(file == "seed" ? RepositoryFiles.SeedArticle : RepositoryFiles.Corpus(file),
            new ArticleReadOptions { PublishedOn = PartialDate.Parse("2021-07-19") });
        // Extracted once: the sweep below is about the database, and extraction is pure (the same on every attempt).
        var extraction = Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn);
        Assert.NotEmpty(extraction.Statements);
        await using var store = await TestStore.CreateWithReferenceDataAsync();
        var before = await StoreSnapshot.CountsAsync(store);

        // A failure of the commit itself, after every command of the import has run.
        await using (var db = store.NewContext(new FailingCommitInterceptor()))
        {
            var thrown = await Record.ExceptionAsync(() => new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(article, extraction, file, cancellationToken: Ct));
            Assert.True(thrown is not null && IsInjected(thrown), thrown?.ToString() ?? "the commit did not fail");
        }

        Assert.True(before.SequenceEqual(await StoreSnapshot.CountsAsync(store)), "a failed commit left records behind");

        // Fail on the 1st command, then the 2nd, ... until an import gets through every command: each position at
        // which the database can fail is tried once, deterministically. A limit stops a runaway loop.
        var failures = 0;
        for (var failOn = 1; ; failOn++)
        {
            Assert.True(failOn < 2_000, "the import never got through");
            var interceptor = new FailingCommandInterceptor(failOn);
            await using var db = store.NewContext(interceptor);
            var thrown = await Record.ExceptionAsync(() => new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(article, extraction, file, cancellationToken: Ct));
            if (thrown is null)
            {
                break;
            }

            Assert.True(IsInjected(thrown), $"command {failOn}: {thrown}");
            failures++;
            var after = await StoreSnapshot.CountsAsync(store);
            Assert.True(before.SequenceEqual(after), $"after a failure on command {failOn}: {StoreSnapshot.Describe(before, after)}");
        }

        Assert.True(failures >= 3, $"only {failures} commands: the import did not write what it should have");

        // The store is still usable, and the article imports whole once the database works again.
        int sourceId;
        await using (var db = store.NewContext())
        {
            sourceId = await db.Sources.Select(s => s.Id).SingleAsync(Ct);
        }

        await AssertStoredWholeAsync(store, sourceId, article);
    }

    private static bool IsInjected(Exception e) =>
        e is InjectedFailureException || (e.InnerException is { } inner && IsInjected(inner));

    private static async Task AssertStoredWholeAsync(TestStore store, int sourceId, ArticleText article)
    {
        await using var db = store.NewContext();
        var source = await db.Sources.Include(s => s.Statements).ThenInclude(s => s.Parties).SingleAsync(s => s.Id == sourceId, Ct);
        Assert.Equal(article.Text, source.Text);
        var expected = Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn).Statements;
        Assert.Equal(expected.Count, source.Statements.Count);
        Assert.All(source.Statements, s =>
        {
            Assert.Equal(source.Text[s.SpanStart!.Value..s.SpanEnd!.Value], s.Quote);
            Assert.NotEmpty(s.Parties);
        });
        Assert.Empty(await StoreSnapshot.ForeignKeyProblemsAsync(store));
    }
}
