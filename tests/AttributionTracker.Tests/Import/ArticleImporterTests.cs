using AttributionTracker.Domain;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Import;

public sealed class ArticleImporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ArticleText Seed() =>
        ArticleReader.ReadFile(RepositoryFiles.SeedArticle, new ArticleReadOptions { PublishedOn = PartialDate.Parse("2021-07-19") });

    [Fact]
    public async Task An_imported_article_is_stored_with_statements_pointing_into_its_text()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();
        await using (var db = store.NewContext())
        {
            var result = await new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(Seed(), "seed.txt", Ct);
            Assert.Equal(ImportOutcome.Imported, result.Outcome);
        }

        await using (var db = store.NewContext())
        {
            var source = await db.Sources.Include(s => s.Statements).SingleAsync(Ct);
            Assert.Equal("es", source.Language);
            Assert.Equal("2021-07-19", source.PublishedOn!.ToString());
            Assert.All(source.Statements, s => Assert.Equal(s.Quote, source.Text[s.SpanStart!.Value..s.SpanEnd!.Value]));

            // HAFNIUM is the galaxy's actor, not a second one made by the import.
            Assert.Equal(1, await db.Actors.CountAsync(a => a.Name == "HAFNIUM", Ct));
            var hafnium = await db.Actors.SingleAsync(a => a.Name == "HAFNIUM", Ct);
            Assert.True(await db.Statements.AnyAsync(s => s.AccusedActorId == hafnium.Id && s.Parties.Any(p => p.Party!.Name == "Microsoft"), Ct));

            var denial = await db.Statements.Include(s => s.Answers).ThenInclude(a => a.AnsweredStatement).SingleAsync(s => s.Kind == StatementKind.Denial, Ct);
            Assert.Equal(denial.IncidentId, Assert.Single(denial.Answers).AnsweredStatement!.IncidentId);
            Assert.Equal("import", denial.UpdatedBy);

            // A victim state is stored by its name, with its code for links.
            var finnish = await db.Incidents.Include(i => i.Victims).SingleAsync(i => i.Name.Contains("Finlandia"), Ct);
            var victim = Assert.Single(finnish.Victims);
            Assert.Equal(("Finland", CountryCode.Parse("FI")), (victim.Name, victim.StateCode));
        }
    }

    [Fact]
    public async Task Importing_the_same_article_twice_changes_nothing()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();
        await using (var db = store.NewContext())
        {
            await new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(Seed(), "seed.txt", Ct);
        }

        var before = await Counts(store);
        var reencoded = Seed() with { Text = Seed().Text.Replace("\n\n", "\n\n\n", StringComparison.Ordinal).ToUpperInvariant() };
        await using (var db = store.NewContext())
        {
            var result = await new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(reencoded, "copy.txt", Ct);
            Assert.Equal(ImportOutcome.AlreadyImported, result.Outcome);
        }

        Assert.Equal(before, await Counts(store));
    }

    [Fact]
    public async Task A_second_article_reuses_the_actors_parties_and_governments_the_first_made()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();
        var second = ArticleReader.ReadFile(RepositoryFiles.Corpus("es_08_storting_noruega_rusia_china.txt"), new ArticleReadOptions { PublishedOn = PartialDate.Parse("2021-07-19") });
        await using (var db = store.NewContext())
        {
            var importer = new ArticleImporter(db, NullLogger<ArticleImporter>.Instance);
            await importer.ImportAsync(Seed(), "seed.txt", Ct);
            await importer.ImportAsync(second, "storting.txt", Ct);
        }

        await using (var check = store.NewContext())
        {
            Assert.Equal(2, await check.Sources.CountAsync(Ct));
            Assert.Equal(1, await check.Actors.CountAsync(a => a.Name == "HAFNIUM", Ct));
            Assert.Equal(1, await check.Parties.CountAsync(p => p.Kind == PartyKind.Government && p.StateCode == CountryCode.Parse("GB"), Ct));
            Assert.Equal(1, await check.Parties.CountAsync(p => p.Name == "Microsoft", Ct));
        }
    }

    private static async Task<string> Counts(TestStore store)
    {
        await using var db = store.NewContext();
        return string.Join(",", await db.Sources.CountAsync(Ct), await db.Statements.CountAsync(Ct), await db.Actors.CountAsync(Ct),
            await db.Parties.CountAsync(Ct), await db.Incidents.CountAsync(Ct), await db.ActorAliases.CountAsync(Ct));
    }
}
