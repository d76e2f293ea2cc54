using System.Text.Json.Nodes;
using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Domain;
using AttributionTracker.Interop.Misp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Data;

public sealed class ReferenceDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string GalaxyPath => Path.Combine(TestStore.SeedsFolder, "reference", ReferenceDataLoader.GalaxyFile);

    [Fact]
    public async Task First_start_loads_every_state_of_the_galaxy_with_names_and_demonyms_in_both_languages()
    {
        await using var store = await TestStore.CreateAsync();
        await store.LoadReferenceDataAsync();
        await using var db = store.NewContext();

        var galaxyCountries = GalaxyReader.Read(File.OpenRead(GalaxyPath), GalaxyPath).Values
            .Select(v => v.Country).OfType<string>().Distinct().ToList();
        var codes = await db.States.Select(s => s.Code).ToListAsync(Ct);
        Assert.All(galaxyCountries, c => Assert.Contains(CountryCode.Parse(c), codes));
        Assert.True(codes.Count >= 240, $"only {codes.Count} states");

        var china = await db.States.Include(s => s.Names).SingleAsync(s => s.Code == CountryCode.Parse("CN"), Ct);
        Assert.Equal("China", china.NameEs);
        Assert.Contains(china.Names, n => n.Kind == StateNameKind.Demonym && n.Language == "es" && n.Text == "chinos");
        Assert.Contains(china.Names, n => n.Kind == StateNameKind.Metonym && n.Language == "es" && n.Text == "Pekín");
        var uk = await db.States.Include(s => s.Names).SingleAsync(s => s.Code == CountryCode.Parse("GB"), Ct);
        Assert.Contains(uk.Names, n => n.Kind == StateNameKind.Name && n.Text == "Gran Bretaña");
        Assert.Contains(uk.Names, n => n.Kind == StateNameKind.Metonym && n.Text == "Downing Street");
    }

    [Fact]
    public async Task The_galaxy_becomes_actors_with_aliases_ids_countries_and_references()
    {
        await using var store = await TestStore.CreateAsync();
        await store.LoadReferenceDataAsync();
        await using var db = store.NewContext();

        var galaxy = GalaxyReader.Read(File.OpenRead(GalaxyPath), GalaxyPath);
        Assert.Equal(galaxy.Values.Count, await db.Actors.CountAsync(a => a.ExternalIds.Any(e => e.System == ExternalIdSystems.Misp), Ct));

        var hafnium = await db.Actors.Include(a => a.Aliases).ThenInclude(a => a.CoinedBy).Include(a => a.ExternalIds).Include(a => a.References)
            .SingleAsync(a => a.Slug == Slug.Parse("hafnium"), Ct);
        Assert.Equal("HAFNIUM", hafnium.Name);
        Assert.Equal(CountryCode.Parse("CN"), hafnium.SponsorStateCode);
        Assert.Contains(hafnium.ExternalIds, e => e.System == ExternalIdSystems.MitreAttack && e.Value == "G0125");
        Assert.Contains(hafnium.ExternalIds, e => e.System == ExternalIdSystems.Misp && e.Value == "4f05d6c1-3fc1-4567-91cd-dd4637cc38b5");
        Assert.DoesNotContain(hafnium.Aliases, a => a.Name == "G0125");
        var silkTyphoon = Assert.Single(hafnium.Aliases, a => a.Name == "Silk Typhoon");
        Assert.Equal("Microsoft", silkTyphoon.CoinedBy?.Name);
        Assert.NotEmpty(hafnium.References);
    }

    [Fact]
    public async Task Organs_and_the_links_between_groups_and_organs_are_loaded()
    {
        await using var store = await TestStore.CreateAsync();
        await store.LoadReferenceDataAsync();
        await using var db = store.NewContext();

        var mss = await db.Actors.Include(a => a.Aliases).Include(a => a.RelationsTo).ThenInclude(r => r.FromActor)
            .SingleAsync(a => a.Name == "Ministry of State Security", Ct);
        Assert.Equal(ActorKind.Agency, mss.Kind);
        Assert.Equal(CountryCode.Parse("CN"), mss.SponsorStateCode);
        Assert.Contains(mss.Aliases, a => a.Name == "Ministerio de Seguridad del Estado" && a.Language == "es");
        Assert.Contains(mss.RelationsTo, r => r.Kind == ActorRelationKind.OperatesFor && r.FromActor!.Name == "HAFNIUM");
    }

    [Fact]
    public async Task Loading_the_same_files_again_changes_nothing()
    {
        await using var store = await TestStore.CreateAsync();
        await store.LoadReferenceDataAsync();
        var before = await Snapshot(store);

        await store.LoadReferenceDataAsync();

        Assert.Equal(before, await Snapshot(store));
    }

    [Fact]
    public async Task An_updated_galaxy_file_updates_actors_without_duplicating_them()
    {
        await using var store = await TestStore.CreateAsync();
        await store.LoadReferenceDataAsync();
        int hafniumId;
        int actorCount;
        await using (var db = store.NewContext())
        {
            hafniumId = await db.Actors.Where(a => a.Slug == Slug.Parse("hafnium")).Select(a => a.Id).SingleAsync(Ct);
            actorCount = await db.Actors.CountAsync(Ct);
        }

        var galaxy = JsonNode.Parse(await File.ReadAllTextAsync(GalaxyPath, Ct))!;
        var values = galaxy["values"]!.AsArray();
        var hafnium = values.Single(v => (string?)v!["value"] == "HAFNIUM")!;
        hafnium["value"] = "Silk Typhoon";
        var synonyms = hafnium["meta"]!["synonyms"]!.AsArray();
        synonyms.Remove(synonyms.Single(s => (string?)s == "Silk Typhoon"));
        synonyms.Remove(synonyms.Single(s => (string?)s == "ATK233"));
        synonyms.Add("HAFNIUM");
        synonyms.Add("Hafnio");
        values.Add(new JsonObject { ["uuid"] = "00000000-0000-4000-8000-000000000001", ["value"] = "Brand New Group", ["meta"] = new JsonObject { ["country"] = "RU" } });
        var folder = Directory.CreateTempSubdirectory("galaxy").FullName;
        var updated = Path.Combine(folder, ReferenceDataLoader.GalaxyFile);
        await File.WriteAllTextAsync(updated, galaxy.ToJsonString(), Ct);

        await using (var db = store.NewContext())
        {
            var loader = new ReferenceDataLoader(db, NullLogger<ReferenceDataLoader>.Instance);
            Assert.True(await loader.LoadIfChangedAsync(updated, (s, n, ct) => new GalaxyLoader(db).LoadAsync(s, n, ct), force: false, Ct));
        }

        await using (var db = store.NewContext())
        {
            Assert.Equal(actorCount + 1, await db.Actors.CountAsync(Ct));
            var renamed = await db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Id == hafniumId, Ct);
            Assert.Equal("Silk Typhoon", renamed.Name);
            Assert.Equal("hafnium", renamed.Slug.Value);
            var aliases = renamed.Aliases.Select(a => a.Name).ToList();
            Assert.Contains("HAFNIUM", aliases);
            Assert.Contains("Hafnio", aliases);
            Assert.DoesNotContain("ATK233", aliases);
            Assert.DoesNotContain("Silk Typhoon", aliases);
            Assert.Equal(CountryCode.Parse("RU"), (await db.Actors.SingleAsync(a => a.Name == "Brand New Group", Ct)).SponsorStateCode);
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_broken_galaxy_file_is_reported_whole_and_nothing_of_it_is_written()
    {
        await using var store = await TestStore.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("galaxy").FullName;
        var path = Path.Combine(folder, "bad.json");
        await File.WriteAllTextAsync(path, """
            {"values": [
              {"uuid": "00000000-0000-4000-8000-000000000001", "value": "Good Group"},
              {"uuid": "not-a-uuid", "value": "Bad Uuid"},
              {"uuid": "00000000-0000-4000-8000-000000000002"},
              "a string"
            ]}
            """, Ct);

        await using (var db = store.NewContext())
        {
            var loader = new ReferenceDataLoader(db, NullLogger<ReferenceDataLoader>.Instance);
            var error = await Assert.ThrowsAsync<GalaxyFormatException>(() =>
                loader.LoadIfChangedAsync(path, (s, n, ct) => new GalaxyLoader(db).LoadAsync(s, n, ct), force: false, Ct));
            Assert.Equal(3, error.Problems.Count);
            Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
            Assert.Contains(error.Problems, p => p.Contains("uuid", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.Contains("value", StringComparison.Ordinal));
        }

        await using (var db = store.NewContext())
        {
            Assert.Equal(0, await db.Actors.CountAsync(Ct));
            Assert.Equal(0, await db.ReferenceLoads.CountAsync(Ct));
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> Snapshot(TestStore store)
    {
        await using var db = store.NewContext();
        return string.Join(",",
            await db.States.CountAsync(Ct), await db.StateNames.CountAsync(Ct), await db.Actors.CountAsync(Ct),
            await db.ActorAliases.CountAsync(Ct), await db.ActorRelations.CountAsync(Ct), await db.Parties.CountAsync(Ct),
            await db.PartyAliases.CountAsync(Ct), await db.Actors.MaxAsync(a => a.UpdatedAt, Ct));
    }
}
