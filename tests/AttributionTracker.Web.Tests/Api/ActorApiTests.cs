using System.Net;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>The actor list and records as the seed has them: HAFNIUM, its Spanish name, who coined its names, whom it works for.</summary>
public sealed class ActorApiTests(AttributionWebFactory app)
{
    [Fact]
    public async Task The_list_finds_an_actor_by_an_alias_in_another_language()
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/actors?q=hafnio");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        var hafnium = Assert.Single(answer.Items.EnumerateArray());
        Assert.Equal("hafnium", hafnium.At("slug"));
        Assert.Equal("HAFNIUM", hafnium.At("name"));
        Assert.Equal("group", hafnium.At("kind"));
        Assert.Equal("CN", hafnium.At("sponsorState", "code"));
        Assert.Equal("/api/v1/actors/hafnium", hafnium.At("links", "self"));
        Assert.Equal("/actors/hafnium", hafnium.At("links", "html"));
    }

    [Fact]
    public async Task Only_accused_actors_are_the_ones_the_actors_page_lists_as_accused()
    {
        var client = app.CreateClient();
        var answer = await ApiAnswer.GetAsync(client, "/api/v1/actors?accused=true");
        var page = await HtmlPage.GetAsync(client, "/actors?accused=true");

        Assert.Equal(["HAFNIUM", "Ministry of State Security"], answer.ItemStrings("name").Order());
        Assert.Equal(page.Links("/actors/").Select(a => a.GetAttribute("href")).Distinct().Order(),
            answer.Items.EnumerateArray().Select(i => i.At("links", "html")).Order());
    }

    [Fact]
    public async Task An_actor_has_its_aliases_with_language_and_coiner_its_ids_sponsor_and_relations()
    {
        var actor = (await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/actors/hafnium")).Json;

        Assert.Equal("HAFNIUM", actor.At("name"));
        Assert.True(int.Parse(actor.At("id")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var aliases = actor.Each("aliases").ToList();
        Assert.Contains(aliases, a => a.At("name") == "Hafnio" && a.At("language") == "es");
        Assert.Contains(aliases, a => a.At("name") == "Silk Typhoon" && a.At("coinedBy", "slug") == "microsoft" && a.At("coinedBy", "links", "self") == "/api/v1/parties/microsoft");
        Assert.Contains(actor.Each("externalIds"), e => e.At("system") == "mitre-attack" && e.At("value") == "G0125");
        Assert.Equal("CN", actor.At("sponsorState", "code"));
        Assert.Contains(actor.Each("relatesTo"), r => r.At("kind") == "operates-for" && r.At("actor", "slug") == "ministry-of-state-security"
            && r.At("actor", "links", "self") == "/api/v1/actors/ministry-of-state-security");
        Assert.Equal("/api/v1/incidents?actor=hafnium", actor.At("links", "incidents"));
        Assert.Equal("/api/v1/statements?actor=hafnium", actor.At("links", "statements"));
    }

    [Fact]
    public async Task Relations_show_both_ways()
    {
        var mss = (await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/actors/ministry-of-state-security")).Json;

        Assert.Contains(mss.Each("relatedFrom"), r => r.At("kind") == "operates-for" && r.At("actor", "slug") == "hafnium");
    }

    [Fact]
    public async Task An_actors_counts_and_links_lead_to_what_it_is_accused_of()
    {
        var client = app.CreateClient();
        var actor = (await ApiAnswer.GetAsync(client, "/api/v1/actors/hafnium")).Json;
        var statements = await ApiAnswer.GetAsync(client, actor.At("links", "statements")!);
        var incidents = await ApiAnswer.GetAsync(client, actor.At("links", "incidents")!);

        Assert.Equal(actor.At("counts", "statements"), statements.Json.At("total"));
        Assert.All(statements.Items.EnumerateArray(), s => Assert.Equal("hafnium", s.At("accusedActor", "slug")));
        Assert.Equal(actor.At("counts", "incidents"), incidents.Json.At("total"));
        Assert.Equal(["Explotación de unos 250.000 servidores Microsoft Exchange"], incidents.ItemStrings("name"));
        Assert.Equal("2021-07-19", actor.At("counts", "firstAttribution", "value"));
    }

    [Fact]
    public async Task As_of_a_day_before_any_statement_the_actor_is_accused_of_nothing_and_links_keep_the_day()
    {
        var actor = (await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/actors/hafnium?asof=2021-01-01")).Json;

        Assert.Equal("0", actor.At("counts", "statements"));
        Assert.Equal("/api/v1/actors/hafnium?asof=2021-01-01", actor.At("links", "self"));
        Assert.Equal("/actors/hafnium?asof=2021-01-01", actor.At("links", "html"));
        Assert.Equal("/api/v1/statements?actor=hafnium&asof=2021-01-01", actor.At("links", "statements"));
    }
}
