using AttributionTracker.Data.Seeding;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Interop.Stix;
using Microsoft.Extensions.Logging.Abstractions;
using System.Text.Json.Nodes;

namespace AttributionTracker.Tests.Interop.Stix;

/// <summary>The store as first start leaves it (reference data and the seed article), made once per test class.</summary>
public sealed class SeedStore : IAsyncLifetime
{
    private TestStore? store;

    public TestStore Store => store ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        store = await TestStore.CreateWithReferenceDataAsync();
        await using var db = store.NewContext();
        await new SeedArticlesLoader(new ArticleImporter(db, NullLogger<ArticleImporter>.Instance), NullLogger<SeedArticlesLoader>.Instance)
            .LoadAsync(TestStore.SeedsFolder);
    }

    public async Task<JsonObject> ExportAsync(StixScope scope)
    {
        await using var db = Store.NewContext();
        return await new StixExporter(db).ExportAsync(scope, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"nothing to export for {scope}");
    }

    public async ValueTask DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }
}
