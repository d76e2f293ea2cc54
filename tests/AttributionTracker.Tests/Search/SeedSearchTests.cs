using AttributionTracker.Domain;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using AttributionTracker.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Search;

/// <summary>The searches the issue names, on the reference data and the seed article as first start stores them.</summary>
public sealed class SeedSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hafnio_finds_HAFNIUM_first_then_the_statements_about_it_and_Finlandia_the_parliament_attack()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();
        await using (var db = store.NewContext())
        {
            var seed = ArticleReader.ReadFile(RepositoryFiles.SeedArticle, new ArticleReadOptions { PublishedOn = PartialDate.Parse("2021-07-19") });
            await new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(seed, "seed.txt", Ct);
        }

        await using var search = store.NewContext();
        var index = TestStore.SearchIndex(search);
        var hafnio = await index.SearchAsync(new SearchRequest("hafnio"), Ct);
        var finlandia = await index.SearchAsync(new SearchRequest("Finlandia"), Ct);

        Assert.Equal((SearchKind.Actor, "hafnium"), (hafnio.Hits[0].Kind, hafnio.Hits[0].Slug));
        Assert.Contains(hafnio.Hits[0].Snippet.Runs, r => r.IsMatch && r.Text == "Hafnio");
        // The NCSC's words say "hafnio"; Microsoft's say "Hafnium" and come through the actor they accuse, after.
        var statements = hafnio.Hits.Where(h => h.Kind == SearchKind.Statement).ToList();
        Assert.Equal(2, statements.Count);
        Assert.Contains(statements[0].Snippet.Runs, r => r.IsMatch && r.Text == "hafnio");
        Assert.True(statements[1].Snippet.IsEmpty);
        Assert.Equal((SearchKind.Incident, "ataque-al-parlamento-de-finlandia"), (finlandia.Hits[0].Kind, finlandia.Hits[0].Slug));
        Assert.Contains(finlandia.Hits, h => h.Kind == SearchKind.Statement);
        Assert.Contains(finlandia.Hits, h => h.Kind == SearchKind.Source);
    }
}
