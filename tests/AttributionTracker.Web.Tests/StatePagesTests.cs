using System.Net;

namespace AttributionTracker.Web.Tests;

public sealed class StatePagesTests(AttributionWebFactory app)
{
    [Theory]
    [InlineData("/states/cn")]
    [InlineData("/states/CN")]
    public async Task China_is_shown_as_accused_with_the_actors_it_sponsors_and_its_denial(string url)
    {
        var china = await HtmlPage.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.OK, china.Status);
        Assert.Equal("China", china.Text("h1"));
        Assert.Empty(china.Document.QuerySelectorAll("#as-accuser table.statements tbody tr"));
        var accused = china.Document.QuerySelectorAll("#as-accused table.statements tbody tr");
        Assert.Contains(accused, r => r.QuerySelectorAll("a").Any(a => a.TextContent == "National Cyber Security Centre"));
        Assert.Contains(accused, r => r.QuerySelectorAll("a").Any(a => a.TextContent == "United States"));

        var sponsored = china.Document.QuerySelectorAll("#sponsored li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains("HAFNIUM — accused in 2 statements", sponsored);
        Assert.Contains(china.Links("/actors/hafnium"), a => a.Closest("#sponsored") is not null);
        var denial = Assert.Single(china.Document.QuerySelectorAll("#denials li.denial"));
        Assert.Contains(denial.QuerySelectorAll("a"), a => a.TextContent == "Spokesperson of the Ministry of Foreign Affairs of China");
        Assert.Contains(denial.QuerySelectorAll(".answers a"), a => a.TextContent == "Microsoft");
    }

    [Fact]
    public async Task The_United_Kingdom_is_shown_as_accuser_through_its_government_and_agency()
    {
        var uk = await HtmlPage.GetAsync(app.CreateClient(), "/states/gb");

        Assert.Equal("United Kingdom", uk.Text("h1"));
        var statements = uk.Document.QuerySelectorAll("#as-accuser table.statements tbody tr");
        Assert.Equal(4, statements.Length);
        Assert.Contains(statements, r => r.QuerySelectorAll("a").Any(a => a.TextContent == "National Cyber Security Centre"));
        Assert.Contains(statements, r => r.QuerySelectorAll("a").Any(a => a.TextContent == "United Kingdom"));
        Assert.Empty(uk.Document.QuerySelectorAll("#as-accused table.statements tbody tr"));
    }

    [Fact]
    public async Task As_of_the_day_before_the_accusations_China_is_not_yet_accused()
    {
        var china = await HtmlPage.GetAsync(app.CreateClient(), "/states/cn?asof=2021-07-18");

        var accused = china.Document.QuerySelectorAll("#as-accused table.statements tbody tr");
        var row = Assert.Single(accused);
        Assert.Contains("2020", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(china.Document.QuerySelectorAll("#denials li.denial"));
    }

    [Fact]
    public async Task The_state_list_counts_each_state_as_accuser_and_accused_and_links_to_all_states()
    {
        var client = app.CreateClient();
        var states = await HtmlPage.GetAsync(client, "/states");

        var rows = states.Document.QuerySelectorAll("table.states tbody tr")
            .ToDictionary(r => r.QuerySelector("a")!.TextContent, r => r.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()).ToList());
        Assert.Equal(["0", "7", "1"], rows["China"]);
        Assert.Equal(["4", "0", "0"], rows["United Kingdom"]);
        Assert.DoesNotContain("France", rows.Keys);
        var allLink = Assert.Single(states.Links("/states?all=true"));
        var all = await HtmlPage.GetAsync(client, allLink.GetAttribute("href")!);
        Assert.Contains(all.Links("/states/fr"), a => a.TextContent == "France");
        Assert.Contains(states.Document.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/states" && a.TextContent == "States");
    }

    [Theory]
    [InlineData("/states/zz")]
    [InlineData("/states/chn")]
    [InlineData("/states/c1")]
    public async Task An_unknown_state_code_gets_the_friendly_not_found_page(string url)
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Not found", page.Text("h1"));
    }
}
