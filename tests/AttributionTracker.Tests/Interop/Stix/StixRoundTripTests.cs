using System.Text.Json.Nodes;
using AttributionTracker.Domain;
using AttributionTracker.Interop.Stix;
using Microsoft.EntityFrameworkCore;
using static AttributionTracker.Tests.Interop.Stix.StixBundles;

namespace AttributionTracker.Tests.Interop.Stix;

public sealed class StixRoundTripTests(SeedStore seed) : IClassFixture<SeedStore>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seed_store_exported_imported_into_an_empty_store_and_exported_again_is_the_same_bundle()
    {
        var original = await seed.ExportAsync(StixScope.Store);
        await using var fresh = await StixImports.EmptyStoreWithStatesAsync();

        var result = await StixImports.ImportAsync(fresh, original);

        await using var db = fresh.NewContext();
        var again = await new StixExporter(db).ExportAsync(StixScope.Store, Ct);
        Assert.Equal(Canonical(WithoutStateStamps(original)), Canonical(WithoutStateStamps(again!)));
        Assert.Equal(await db.Statements.CountAsync(Ct), result.Created["statements"]);
        Assert.True(await db.RecordChanges.AnyAsync(c => c.By == StixImporter.ChangedBy, Ct));
    }

    // A state's identity is stamped by each store's own load of the ISO list, not by any record the bundle carries.
    private static JsonObject WithoutStateStamps(JsonObject bundle)
    {
        var copy = bundle.DeepClone().AsObject();
        foreach (var state in OfType(copy, "identity").Where(o => o["x_attribution_state_code"] is not null))
        {
            state.Remove("created");
            state.Remove("modified");
        }

        return copy;
    }

    [Fact]
    public async Task Importing_its_own_export_into_the_same_store_creates_nothing()
    {
        var bundle = await seed.ExportAsync(StixScope.ForActor(Slug.Parse("hafnium")));
        await using var fresh = await StixImports.EmptyStoreWithStatesAsync();
        await StixImports.ImportAsync(fresh, bundle);
        var counts = await StixImports.CountsAsync(fresh);

        var second = await StixImports.ImportAsync(fresh, bundle);

        Assert.Empty(second.Created);
        Assert.Equal(counts, await StixImports.CountsAsync(fresh));
        Assert.True(second.Merged["statements"] > 0);
    }
}
