using System.Net;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>Parties, states and sources as the seed has them, and as their pages count them.</summary>
public sealed class PartyStateSourceApiTests(AttributionWebFactory app)
{
    [Fact]
    public async Task The_party_list_has_the_parties_that_spoke_as_the_parties_page_does()
    {
        var client = app.CreateClient();
        var answer = await ApiAnswer.GetAsync(client, "/api/v1/parties");
        var page = await HtmlPage.GetAsync(client, "/parties");

        Assert.Equal(page.Links("/parties/").Select(a => a.GetAttribute("href")).Distinct(), answer.Items.EnumerateArray().Select(p => p.At("links", "html")));
        var ncsc = answer.Items.EnumerateArray().Single(p => p.At("slug") == "national-cyber-security-centre");
        Assert.Equal("agency", ncsc.At("kind"));
        Assert.Equal("GB", ncsc.At("state", "code"));
        Assert.Null(answer.Items.EnumerateArray().Single(p => p.At("slug") == "microsoft").At("state"));
    }

    [Fact]
    public async Task A_party_counts_its_statements_by_kind_and_links_to_them()
    {
        var client = app.CreateClient();
        var party = (await ApiAnswer.GetAsync(client, "/api/v1/parties/microsoft")).Json;
        var statements = await ApiAnswer.GetAsync(client, party.At("links", "statements")!);

        Assert.Equal("company", party.At("kind"));
        Assert.Equal(statements.Json.At("total"), party.Each("statements").Sum(k => k.GetProperty("count").GetInt32()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(statements.Items.EnumerateArray(), s => Assert.Contains(s.Each("parties"), p => p.At("slug") == "microsoft"));
    }

    [Fact]
    public async Task The_state_list_counts_as_the_states_page_does()
    {
        var client = app.CreateClient();
        var answer = await ApiAnswer.GetAsync(client, "/api/v1/states");
        var page = await HtmlPage.GetAsync(client, "/states");

        var rows = page.Document.QuerySelectorAll("table.states tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(rows.Count, answer.Items.GetArrayLength());
        foreach (var (row, state) in rows.Zip(answer.Items.EnumerateArray()))
        {
            Assert.StartsWith(state.At("nameEn")!, row[0], StringComparison.Ordinal);
            Assert.Equal([row[1], row[2], row[3]], [state.At("asAccuser"), state.At("asAccused"), state.At("denials")]);
        }
    }

    [Fact]
    public async Task A_state_has_its_parties_sponsored_actors_and_statements_both_ways()
    {
        var client = app.CreateClient();
        var china = await ApiAnswer.GetAsync(client, "/api/v1/states/cn");
        var accused = await ApiAnswer.GetAsync(client, china.Json.At("links", "statementsAsAccused")!);

        Assert.Equal(HttpStatusCode.OK, china.Status);
        Assert.Equal("CN", china.Json.At("code"));
        Assert.Equal("China", china.Json.At("nameEn"));
        Assert.Contains(china.Json.Each("sponsoredActors"), a => a.At("slug") == "hafnium");
        Assert.Contains(china.Json.Each("parties"), p => p.At("slug") == "ministry-of-foreign-affairs-of-china");
        Assert.All(accused.Items.EnumerateArray(), s => Assert.Equal("CN", s.At("accusedState", "code")));
        Assert.Equal("/api/v1/statements?accuser=CN", china.Json.At("links", "statementsAsAccuser"));
    }

    [Fact]
    public async Task A_source_gives_its_text_only_when_asked_and_lists_the_statements_read_from_it()
    {
        var client = app.CreateClient();
        var plain = (await ApiAnswer.GetAsync(client, "/api/v1/sources/1")).Json;
        var withText = (await ApiAnswer.GetAsync(client, plain.At("links", "withText")!)).Json;

        Assert.StartsWith("Gran Bretaña se une a EE. UU.", plain.At("title"), StringComparison.Ordinal);
        Assert.Equal("es", plain.At("language"));
        Assert.Equal("2021-07-19", plain.At("publishedOn", "value"));
        Assert.Null(plain.At("text"));
        Assert.Contains("HAFNIUM", withText.At("text"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(8, plain.GetProperty("statements").GetArrayLength());
        Assert.Equal("/sources/1", plain.At("links", "html"));
    }

    [Fact]
    public async Task A_source_published_after_the_as_of_day_is_not_found()
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/sources/1?asof=2021-07-18");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("after the as-of day 2021-07-18", answer.Json.At("detail"), StringComparison.Ordinal);
    }
}
