using AttributionTracker.Data.Seeding;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Interop;

/// <summary>Stores holding only what a galaxy needs: the states, then a galaxy file.</summary>
internal static class GalaxyTestStores
{
    public static string ReferenceGalaxy => Path.Combine(TestStore.SeedsFolder, "reference", ReferenceDataLoader.GalaxyFile);

    public static async Task<TestStore> WithStatesAsync()
    {
        var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        var loader = new ReferenceDataLoader(db, NullLogger<ReferenceDataLoader>.Instance);
        await loader.LoadIfChangedAsync(
            Path.Combine(TestStore.SeedsFolder, "reference", ReferenceDataLoader.StatesFile),
            (s, _, ct) => new StatesLoader(db).LoadAsync(s, ct), force: false, TestContext.Current.CancellationToken);
        return store;
    }

    /// <summary>Loads a galaxy file's bytes as <c>galaxy import</c> does: one transaction, nothing written on a problem.</summary>
    public static async Task LoadGalaxyAsync(TestStore store, byte[] json, string name = "threat-actor.json")
    {
        var folder = Directory.CreateTempSubdirectory("galaxy").FullName;
        try
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, json, TestContext.Current.CancellationToken);
            await using var db = store.NewContext();
            var loader = new ReferenceDataLoader(db, NullLogger<ReferenceDataLoader>.Instance);
            await loader.LoadIfChangedAsync(path, (s, n, ct) => new GalaxyLoader(db).LoadAsync(s, n, ct), force: true, TestContext.Current.CancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
