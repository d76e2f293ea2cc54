using System.Net;
using AttributionTracker.Domain;
using AttributionTracker.Web.Tests.Statements;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Tests.Api.Write;

/// <summary>Actors, incidents and parties written through the API with their edit forms' rules.</summary>
[Collection(nameof(WriteApiCollection))]
public sealed class RecordWriteTests(WriteApiApp fixture)
{
    private readonly AttributionWebFactory app = fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    [Fact]
    public async Task An_actor_is_created_renamed_with_its_slug_kept_and_a_stale_rename_gets_409()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var client = app.BearerClient(holder.Secret);
        var name = Unique("Test Panda");

        using var created = await client.PostJsonAsync("/api/v1/actors", new { name, kind = "Group", sponsorState = "CN", description = "Seen in *tests*." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var slug = (await created.JsonAsync()).GetProperty("slug").GetString()!;
        Assert.Equal($"/api/v1/actors/{slug}", created.Headers.Location?.OriginalString);

        using var renamed = await client.PutJsonAsync($"/api/v1/actors/{slug}", new { name = name + " Renamed", kind = "Group", sponsorState = "CN", version = 1 });
        using var stale = await client.PutJsonAsync($"/api/v1/actors/{slug}", new { name = name + " Stale", kind = "Group", version = 1 });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(slug, (await renamed.JsonAsync()).GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await stale.JsonAsync()).GetProperty("currentVersion").GetInt32());
        var stored = await app.QueryAsync(db => db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Slug == Slug.Parse(slug), Ct));
        Assert.Equal(name + " Renamed", stored.Name);
        Assert.Equal("CN", stored.SponsorStateCode?.Value);
        Assert.Equal(holder.Email, stored.UpdatedBy);
        Assert.Contains(stored.Aliases, a => a.Name == name + " Renamed");

        var page = await HtmlPage.GetAsync(app.Client(), $"/actors/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(name + " Renamed", page.Text("h1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_with_its_aliases_and_victims_is_created_and_a_wrong_one_lists_each_bad_row()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var client = app.BearerClient(holder.Secret);
        var name = Unique("Test breach");

        using var created = await client.PostJsonAsync("/api/v1/incidents", new
        {
            name,
            type = "Espionage",
            start = "2023-05",
            end = "late 2023",
            aliases = new[] { new { name = name + " alias", language = "en" } },
            victims = new[] { new { name = "A ministry", state = "FI" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var slug = (await created.JsonAsync()).GetProperty("slug").GetString()!;
        var stored = await app.QueryAsync(db => db.Incidents.Include(i => i.Aliases).Include(i => i.Victims).SingleAsync(i => i.Slug == Slug.Parse(slug), Ct));
        Assert.Equal("FI", Assert.Single(stored.Victims).StateCode?.Value);
        Assert.Single(stored.Aliases);

        var before = await app.CountsAsync();
        using var wrong = await client.PostJsonAsync("/api/v1/incidents", new
        {
            name = "",
            type = "Heist",
            start = "2023-13",
            aliases = new[] { new { name = "dup", language = "english" }, new { name = "DUP", language = "en" } },
            victims = new[] { new { name = "A bank", state = "ZZ" } },
        });

        var errors = await wrong.ErrorsAsync();
        Assert.Equal(["aliases[0].language", "aliases[1].name", "name", "start", "type", "victims[0].state"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_party_names_its_parent_by_slug_and_an_unknown_parent_is_refused()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var client = app.BearerClient(holder.Secret);
        var parent = await app.PartySlugAsync("Government Communications Headquarters");

        using var created = await client.PostJsonAsync("/api/v1/parties", new { name = Unique("Test unit"), kind = "Agency", state = "GB", parent, aliases = new[] { new { name = "TU", language = "en" } } });
        var before = await app.CountsAsync();
        using var wrong = await client.PostJsonAsync("/api/v1/parties", new { name = Unique("Test unit"), kind = "Club", parent = "no-such-body-anywhere" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var slug = (await created.JsonAsync()).GetProperty("slug").GetString()!;
        Assert.Equal("Government Communications Headquarters", await app.QueryAsync(db => db.Parties.Where(p => p.Slug == Slug.Parse(slug)).Select(p => p.Parent!.Name).SingleAsync(Ct)));
        var errors = await wrong.ErrorsAsync();
        Assert.Contains("no-such-body-anywhere", errors["parent"], StringComparison.Ordinal);
        Assert.Contains("Agency", errors["kind"], StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task Replacing_an_unknown_record_gets_404()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);

        using var response = await app.BearerClient(holder.Secret).PutJsonAsync("/api/v1/parties/no-such-party-anywhere", new { name = "X", kind = "Agency", version = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
