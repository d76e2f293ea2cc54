using System.Net;

namespace AttributionTracker.Web.Tests;

public sealed class ActorPagesTests(AttributionWebFactory app)
{
    [Fact]
    public async Task HAFNIUM_links_to_the_ministry_it_operates_for_and_the_ministry_links_back_in_words()
    {
        var client = app.CreateClient();
        var hafnium = await HtmlPage.GetAsync(client, "/actors/hafnium");
        var forward = Assert.Single(hafnium.Document.QuerySelectorAll(".relations li"), li => li.QuerySelector("a")!.TextContent == "Ministry of State Security");
        Assert.StartsWith("operates for Ministry of State Security", Collapse(forward.TextContent), StringComparison.Ordinal);

        var mss = await HtmlPage.GetAsync(client, forward.QuerySelector("a")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, mss.Status);
        var back = Assert.Single(mss.Document.QuerySelectorAll(".relations li"), li => li.QuerySelector("a")!.TextContent == "HAFNIUM");
        Assert.StartsWith("HAFNIUM operates for it", Collapse(back.TextContent), StringComparison.Ordinal);
        Assert.Equal("/actors/hafnium", back.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task HAFNIUM_shows_its_sponsor_aliases_with_language_and_coiner_and_its_MITRE_id()
    {
        var hafnium = await HtmlPage.GetAsync(app.CreateClient(), "/actors/hafnium");

        var sponsor = Assert.Single(hafnium.Document.QuerySelectorAll(".sponsor a"));
        Assert.Equal(("China", "/states/cn"), (sponsor.TextContent, sponsor.GetAttribute("href")));
        var hafnio = Assert.Single(hafnium.Document.QuerySelectorAll(".aliases li"), li => li.TextContent.StartsWith("Hafnio", StringComparison.Ordinal));
        Assert.Equal("es", hafnio.QuerySelector("[lang]")!.GetAttribute("lang"));
        Assert.Contains(hafnium.Document.QuerySelectorAll(".aliases a"), a => a.TextContent == "Microsoft" && a.GetAttribute("href") == "/parties/microsoft");
        Assert.Contains(hafnium.Links("https://attack.mitre.org/groups/G0125"), a => a.TextContent == "G0125");
    }

    [Fact]
    public async Task HAFNIUM_lists_the_Exchange_incident_once_with_each_accuser_their_state_the_top_confidence_and_quote_links()
    {
        var hafnium = await HtmlPage.GetAsync(app.CreateClient(), "/actors/hafnium");

        Assert.Contains("first attributed 19 July 2021", hafnium.Text("#summary"), StringComparison.Ordinal);
        var row = Assert.Single(hafnium.Document.QuerySelectorAll("table.attributed tbody tr"));
        Assert.Contains("Microsoft Exchange", row.QuerySelector("th a")!.TextContent, StringComparison.Ordinal);
        var cells = row.QuerySelectorAll("td").Select(c => Collapse(c.TextContent)).ToList();
        Assert.Contains("National Cyber Security Centre GB · 19 July 2021 · quote", cells[0], StringComparison.Ordinal);
        Assert.Contains("Microsoft", cells[0], StringComparison.Ordinal);
        Assert.Equal("highly likely (“muy probable”)", cells[1]);
        Assert.Equal("19 July 2021", cells[2]);
        Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/states/gb");
        Assert.Equal(2, row.QuerySelectorAll("a[href^='/sources/']").Count(a => a.GetAttribute("href")!.Contains("#s", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task As_of_the_day_before_the_UK_spoke_HAFNIUM_has_no_attribution_and_links_stay_as_of()
    {
        var client = app.CreateClient();
        var before = await HtmlPage.GetAsync(client, "/actors/hafnium?asof=2021-07-18");
        var on = await HtmlPage.GetAsync(client, "/actors/hafnium?asof=2021-07-19");

        Assert.Empty(before.Document.QuerySelectorAll("table.attributed tbody tr"));
        Assert.DoesNotContain("National Cyber Security Centre", before.Text("#incidents"), StringComparison.Ordinal);
        Assert.Equal("/states/cn?asof=2021-07-18", before.Document.QuerySelector(".sponsor a")!.GetAttribute("href"));
        Assert.Contains("National Cyber Security Centre", on.Text("#incidents"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_actor_filter_finds_HAFNIUM_by_its_Spanish_alias_in_any_case_and_accent()
    {
        var client = app.CreateClient();

        foreach (var query in new[] { "hafnio", "HÁFNIO", "silk typh" })
        {
            var page = await HtmlPage.GetAsync(client, "/actors?q=" + Uri.EscapeDataString(query));
            Assert.Contains(page.Links("/actors/"), a => a.TextContent == "HAFNIUM");
            Assert.Equal(query, page.Document.QuerySelector("input#actor-name")!.GetAttribute("value"));
        }

        var label = (await HtmlPage.GetAsync(client, "/actors")).Document.QuerySelector("label[for=actor-name]");
        Assert.Equal("Name or alias", label?.TextContent);
    }

    [Fact]
    public async Task Only_accused_actors_are_listed_when_asked_and_paging_keeps_the_filter()
    {
        var client = app.CreateClient();
        var accused = await HtmlPage.GetAsync(client, "/actors?accused=true");
        var withA = await HtmlPage.GetAsync(client, "/actors?q=a");

        var names = accused.Links("/actors/").Select(a => a.TextContent).ToList();
        Assert.Contains("HAFNIUM", names);
        Assert.Contains("Ministry of State Security", names);
        Assert.DoesNotContain("APT28", names);
        Assert.True(names.Count < 10, $"{names.Count} accused actors");
        Assert.NotNull(accused.Document.QuerySelector("input#actor-accused[checked]"));
        Assert.Contains(withA.Links("/actors?q=a&p=2"), a => a.GetAttribute("rel") == "next");
        var second = await HtmlPage.GetAsync(client, "/actors?q=a&p=2");
        Assert.Equal(withA.Text("#actor-count").Replace("Page 1 of", "Page 2 of", StringComparison.Ordinal), second.Text("#actor-count"));
    }

    [Fact]
    public async Task An_actor_nobody_accused_says_so_instead_of_an_empty_table()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/actors/apt28");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("No public statement accuses it.", page.Text("#summary"));
        Assert.Null(page.Document.QuerySelector("table.attributed"));
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
