using System.Text;
using AttributionTracker.Domain;
using AttributionTracker.Interop.Misp;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Interop;

public sealed class GalaxyLoaderTests
{
    private const string UuidA = "aaaaaaaa-0000-4000-8000-000000000001";
    private const string UuidB = "bbbbbbbb-0000-4000-8000-000000000002";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Galaxy(string aName, string[] aSynonyms, string? extra = null) => Encoding.UTF8.GetBytes($$$"""
        {"name": "Threat Actor", "type": "threat-actor", "values": [
          {"uuid": "{{{UuidA}}}", "value": "{{{aName}}}", "meta": {"synonyms": [{{{string.Join(", ", aSynonyms.Select(s => $"\"{s}\""))}}}], "country": "RU"}},
          {"uuid": "{{{UuidB}}}", "value": "Group B", "meta": {"synonyms": ["Bee"], "country": "CN"}}{{{extra}}}
        ]}
        """);

    [Fact]
    public async Task A_country_no_state_has_is_refused_with_its_value_and_nothing_is_written()
    {
        await using var store = await GalaxyTestStores.WithStatesAsync();

        var error = await Assert.ThrowsAsync<GalaxyFormatException>(() => GalaxyTestStores.LoadGalaxyAsync(store,
            Galaxy("Group A", [], """, {"uuid": "cccccccc-0000-4000-8000-000000000003", "value": "Group C", "meta": {"country": "ZZ"}}""")));

        Assert.Equal(["values[2] (cccccccc-0000-4000-8000-000000000003): meta.country: no state has the code ZZ"], error.Problems);
        await using var db = store.NewContext();
        Assert.Equal(0, await db.Actors.CountAsync(Ct));
    }

    [Fact]
    public async Task Reloading_after_an_editor_merged_two_galaxy_actors_neither_revives_nor_duplicates_the_merged_one()
    {
        await using var store = await GalaxyTestStores.WithStatesAsync();
        await GalaxyTestStores.LoadGalaxyAsync(store, Galaxy("Group A", ["Ay"]));
        await MergeAsync(store, from: "group-a", into: "group-b");

        // The galaxy still lists A, now with a new synonym and under a new name.
        await GalaxyTestStores.LoadGalaxyAsync(store, Galaxy("Group A Renamed", ["Ay", "Aye Aye"]));

        await using var db = store.NewContext();
        var actors = await db.Actors.Include(a => a.Aliases).Include(a => a.ExternalIds).ToListAsync(Ct);
        var b = Assert.Single(actors);
        Assert.Equal("Group B", b.Name);
        Assert.Equal("group-b", b.Slug.Value);
        Assert.Equal(CountryCode.Parse("CN"), b.SponsorStateCode);
        Assert.Equal(UuidB, GalaxyExport.MispUuid(b));
        Assert.Equal(["Ay", "Aye Aye", "Bee", "Group A", "Group A Renamed"], b.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal("group-b", (await db.SlugRedirects.Include(r => r.Actor).SingleAsync(Ct)).Actor!.Slug.Value);
    }

    [Fact]
    public async Task A_new_galaxy_actor_never_takes_the_old_address_of_a_merged_one()
    {
        await using var store = await GalaxyTestStores.WithStatesAsync();
        await GalaxyTestStores.LoadGalaxyAsync(store, Galaxy("Group A", []));
        await MergeAsync(store, from: "group-a", into: "group-b");

        await GalaxyTestStores.LoadGalaxyAsync(store,
            Galaxy("Group A", [], """, {"uuid": "cccccccc-0000-4000-8000-000000000003", "value": "Group A", "meta": {}}"""));

        await using var db = store.NewContext();
        var newcomer = await db.Actors.SingleAsync(a => a.ExternalIds.Any(e => e.Value == "cccccccc-0000-4000-8000-000000000003"), Ct);
        Assert.Equal("group-a-2", newcomer.Slug.Value);
    }

    /// <summary>What the editors' merge (ADR 13) leaves behind: the target holds the old uuid, name and aliases; the old slug redirects.</summary>
    private static async Task MergeAsync(TestStore store, string from, string into)
    {
        await using var db = store.NewContext();
        db.ChangedBy = "editor";
        var old = await db.Actors.Include(a => a.Aliases).Include(a => a.ExternalIds).SingleAsync(a => a.Slug == Slug.Parse(from), Ct);
        var target = await db.Actors.Include(a => a.Aliases).Include(a => a.ExternalIds).SingleAsync(a => a.Slug == Slug.Parse(into), Ct);
        foreach (var alias in old.Aliases.Select(a => (a.Name, a.Key, a.Origin)).Append((Name: old.Name, Key: TextFolding.Key(old.Name), Origin: "merge")))
        {
            target.Aliases.Add(new ActorAlias { Name = alias.Name, Key = alias.Key, Origin = alias.Origin });
        }

        target.ExternalIds.AddRange(old.ExternalIds.Select(e => new ActorExternalId { System = e.System, Value = e.Value }));
        db.SlugRedirects.Add(new SlugRedirect { OldSlug = old.Slug, Actor = target, CreatedAt = DateTime.UtcNow });
        db.Actors.Remove(old);
        await db.SaveChangesAsync(Ct);
    }
}
