using System.Text.Json;
using AttributionTracker.Domain;
using AttributionTracker.Interop.Misp;
using Microsoft.EntityFrameworkCore;
using UUIDNext;

namespace AttributionTracker.Tests.Interop;

public sealed class GalaxyExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<byte[]> ExportAsync(TestStore store)
    {
        await using var db = store.NewContext();
        return GalaxyWriter.ToBytes(await GalaxyExport.BuildAsync(db, Ct));
    }

    private static GalaxyCluster Read(byte[] json) => GalaxyReader.Read(new MemoryStream(json), "export.json");

    private static HashSet<string> Keys(IEnumerable<string> names, string except) =>
        [.. names.Select(TextFolding.Key).Where(k => k.Length > 0 && k != TextFolding.Key(except))];

    [Fact]
    public async Task Exporting_the_reference_galaxys_actors_gives_back_its_uuids_synonyms_and_countries()
    {
        await using var store = await GalaxyTestStores.WithStatesAsync();
        var original = await File.ReadAllBytesAsync(GalaxyTestStores.ReferenceGalaxy, Ct);
        await GalaxyTestStores.LoadGalaxyAsync(store, original);

        var exported = Read(await ExportAsync(store)).Values.ToDictionary(v => v.Uuid);
        var reference = Read(original).Values;

        Assert.Equal(reference.Count, exported.Count);
        Assert.All(reference, value =>
        {
            var back = exported[value.Uuid];
            Assert.Equal(value.Value, back.Value);
            Assert.Equal(value.Country, back.Country);
            // A synonym that folds to the name, or to another synonym, is one name to the store (and to a reader).
            Assert.Equal(Keys(value.Synonyms, value.Value), Keys(back.Synonyms, back.Value));
            Assert.Equal(value.MitreAttackIds.ToHashSet(), back.MitreAttackIds.ToHashSet());
            Assert.Equal(value.Refs.ToHashSet(), back.Refs.ToHashSet());
        });
    }

    [Fact]
    public async Task The_file_has_MISPs_top_level_fields_and_names_the_sponsor_both_ways()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();

        using var json = JsonDocument.Parse(await ExportAsync(store));

        var root = json.RootElement;
        foreach (var field in new[] { "authors", "category", "description", "name", "source", "type", "uuid", "values", "version" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        Assert.Equal("threat-actor", root.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("version").ValueKind);
        var hafnium = root.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("value").GetString() == "HAFNIUM");
        Assert.Equal("4f05d6c1-3fc1-4567-91cd-dd4637cc38b5", hafnium.GetProperty("uuid").GetString());
        var meta = hafnium.GetProperty("meta");
        Assert.Equal("CN", meta.GetProperty("country").GetString());
        Assert.Equal("China", meta.GetProperty("cfr-suspected-state-sponsor").GetString());
        var synonyms = meta.GetProperty("synonyms").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("Silk Typhoon", synonyms);
        Assert.Contains("G0125", synonyms);
    }

    [Fact]
    public async Task Export_then_import_into_a_fresh_store_gives_the_same_actors_aliases_and_states_and_the_same_uuids_again()
    {
        await using var seeded = await TestStore.CreateWithReferenceDataAsync();
        var export = await ExportAsync(seeded);
        List<(string Uuid, string Name, HashSet<string> Aliases, CountryCode? State)> expected;
        await using (var db = seeded.NewContext())
        {
            var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases).Include(a => a.ExternalIds).AsSplitQuery().ToListAsync(Ct);
            expected = [.. actors.Select(a => (GalaxyExport.UuidOf(a), a.Name, Keys(a.Aliases.Select(x => x.Name), a.Name), a.SponsorStateCode))];

            // An actor that MISP does not know (a state organ) has the UUIDv5 of its slug, the same on every export.
            var organ = actors.First(a => !a.ExternalIds.Any(e => e.System == ExternalIdSystems.Misp));
            Assert.Equal(Uuid.NewNameBased(GalaxyExport.ActorNamespace, organ.Slug.Value).ToString(), GalaxyExport.UuidOf(organ));
        }

        await using var fresh = await GalaxyTestStores.WithStatesAsync();
        await GalaxyTestStores.LoadGalaxyAsync(fresh, export);

        await using (var db = fresh.NewContext())
        {
            var actors = await db.Actors.AsNoTracking().Include(a => a.Aliases).Include(a => a.ExternalIds).AsSplitQuery().ToListAsync(Ct);
            var actual = actors.ToDictionary(GalaxyExport.UuidOf);
            Assert.Equal(expected.Count, actual.Count);
            Assert.All(expected, e =>
            {
                var a = actual[e.Uuid];
                Assert.Equal(e.Name, a.Name);
                Assert.Equal(e.Aliases, Keys(a.Aliases.Select(x => x.Name), a.Name));
                Assert.Equal(e.State, a.SponsorStateCode);
            });
        }

        var again = Read(await ExportAsync(fresh)).Values.Select(v => v.Uuid).Order().ToList();
        Assert.Equal(Read(export).Values.Select(v => v.Uuid).Order().ToList(), again);
    }
}
