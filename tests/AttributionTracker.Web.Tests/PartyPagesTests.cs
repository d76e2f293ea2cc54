using System.Net;

namespace AttributionTracker.Web.Tests;

public sealed class PartyPagesTests(AttributionWebFactory app)
{
    [Fact]
    public async Task The_NCSC_page_lists_its_statements_newest_first_with_counts_and_its_state()
    {
        var ncsc = await HtmlPage.GetAsync(app.CreateClient(), "/parties/national-cyber-security-centre");

        Assert.Equal(HttpStatusCode.OK, ncsc.Status);
        Assert.Equal("National Cyber Security Centre", ncsc.Text("h1"));
        Assert.Contains(ncsc.Document.QuerySelectorAll(".party-facts a"), a => a.GetAttribute("href") == "/states/gb" && a.TextContent == "United Kingdom");
        var rows = ncsc.Document.QuerySelectorAll("table.statements tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Contains(r.QuerySelectorAll("a"), a => a.TextContent == "National Cyber Security Centre"));
        Assert.Contains(rows, r => r.QuerySelectorAll("a").Any(a => a.TextContent == "HAFNIUM"));
        Assert.Contains(rows, r => r.QuerySelectorAll("a").Any(a => a.TextContent == "Ministry of State Security"));
        Assert.StartsWith("2 statements: 2 attributions; first 19 July 2021, latest 19 July 2021.", ncsc.Text("#statement-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_of_a_day_before_its_statements_the_NCSC_page_shows_none()
    {
        var ncsc = await HtmlPage.GetAsync(app.CreateClient(), "/parties/national-cyber-security-centre?asof=2021-07-18");

        Assert.Equal(HttpStatusCode.OK, ncsc.Status);
        Assert.Empty(ncsc.Document.QuerySelectorAll("table.statements tbody tr"));
        Assert.Contains("No public statement", ncsc.Text("#statements"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_party_list_shows_who_made_statements_with_counts_and_all_parties_on_request()
    {
        var client = app.CreateClient();
        var speakers = await HtmlPage.GetAsync(client, "/parties");
        var allCompanies = await HtmlPage.GetAsync(client, "/parties?kind=Company&all=true");
        var companies = await HtmlPage.GetAsync(client, "/parties?kind=Company");

        var row = Assert.Single(speakers.Document.QuerySelectorAll("table.parties tbody tr"), r => r.QuerySelector("a")!.TextContent == "National Cyber Security Centre");
        Assert.Equal(["agency", "United Kingdom", "2"], row.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()));
        Assert.Equal("/states/gb", row.QuerySelector("td:nth-child(3) a")!.GetAttribute("href"));
        Assert.DoesNotContain(speakers.Links("/parties/"), a => a.TextContent == "CrowdStrike");
        Assert.Contains(allCompanies.Links("/parties/"), a => a.TextContent == "CrowdStrike");
        Assert.Equal(["Microsoft"], companies.Links("/parties/").Select(a => a.TextContent));
        Assert.Contains(speakers.Document.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/parties" && a.TextContent == "Parties");
    }

    [Theory]
    [InlineData("/parties/no-such-party")]
    [InlineData("/parties/Not-A-Slug")]
    public async Task An_unknown_party_gets_the_friendly_not_found_page(string url)
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Not found", page.Text("h1"));
    }
}
