using System.Text;
using System.Text.Json.Nodes;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Interop.Stix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Interop.Stix;

/// <summary>Importing into test stores, and what the store holds before and after.</summary>
internal static class StixImports
{
    /// <summary>
    /// A migrated store with only the states loaded: the ISO code list is the vocabulary STIX identities refer to by code,
    /// not records of this store, so an import needs it; every other record comes from the bundle.
    /// </summary>
    public static async Task<TestStore> EmptyStoreWithStatesAsync()
    {
        var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        await new ReferenceDataLoader(db, NullLogger<ReferenceDataLoader>.Instance).LoadIfChangedAsync(
            Path.Combine(TestStore.SeedsFolder, "reference", ReferenceDataLoader.StatesFile),
            (s, _, ct) => new StatesLoader(db).LoadAsync(s, ct), force: false, TestContext.Current.CancellationToken);
        return store;
    }

    public static async Task<StixImportResult> ImportAsync(TestStore store, string json, string? by = null)
    {
        using var bundle = StixBundleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        await using var db = store.NewContext();
        return await new StixImporter(db).ImportAsync(bundle, by, TestContext.Current.CancellationToken);
    }

    public static Task<StixImportResult> ImportAsync(TestStore store, JsonObject bundle) => ImportAsync(store, bundle.ToJsonString());

    public static async Task<string> CountsAsync(TestStore store)
    {
        await using var db = store.NewContext();
        var ct = TestContext.Current.CancellationToken;
        return string.Join(", ",
            await db.Parties.CountAsync(ct), await db.Actors.CountAsync(ct), await db.ActorAliases.CountAsync(ct), await db.Incidents.CountAsync(ct),
            await db.Sources.CountAsync(ct), await db.Statements.CountAsync(ct), await db.ActorRelations.CountAsync(ct), await db.RecordChanges.CountAsync(ct));
    }
}
