using System.Globalization;
using System.Net;
using AttributionTracker.Tests;

namespace AttributionTracker.Web.Tests;

public sealed class PagesTests(AttributionWebFactory factory)
{
    [Fact]
    public async Task The_home_page_shows_the_seeded_reference_data_after_first_start()
    {
        var page = await HtmlPage.GetAsync(factory.CreateClient(), "/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var actors = int.Parse(page.Text("#count-actors"), NumberStyles.AllowThousands, CultureInfo.CurrentCulture);
        Assert.True(actors > 1000, $"home page counts {actors} actors");
        Assert.Contains(page.Links("/actors"), a => a.TextContent.Contains("All", StringComparison.Ordinal));

        // The seed article was imported at first start: its statements are in the feed, linked to their records.
        Assert.Contains(page.Document.QuerySelectorAll("table.statements a"), a => a.TextContent == "HAFNIUM" && a.GetAttribute("href") == "/actors/hafnium");
        Assert.Contains(page.Document.QuerySelectorAll("table.statements a"), a => a.TextContent == "Microsoft");
        Assert.Contains(page.Document.QuerySelectorAll("table.statements a"), a => a.TextContent.Contains("parlamento de Finlandia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_incident_page_lists_who_attributed_it_with_what_confidence()
    {
        var client = factory.CreateClient();
        var home = await HtmlPage.GetAsync(client, "/");
        var link = home.Document.QuerySelectorAll("table.statements a").First(a => a.TextContent.Contains("parlamento de Finlandia", StringComparison.Ordinal));

        var incident = await HtmlPage.GetAsync(client, link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, incident.Status);
        Assert.Contains("2020", incident.Text("article > p"), StringComparison.Ordinal);
        var rows = incident.Document.QuerySelectorAll("table.statements tbody tr").Select(r => string.Join(' ', r.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains(rows, r => r.Contains("National Cyber Security Centre", StringComparison.Ordinal) && r.Contains("almost certain", StringComparison.Ordinal) && r.Contains("casi seguro", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_actor_list_pages_through_every_actor_with_links_to_each()
    {
        var client = factory.CreateClient();
        var first = await HtmlPage.GetAsync(client, "/actors");
        var second = await HtmlPage.GetAsync(client, "/actors?p=2");

        var firstLinks = first.Links("/actors/").Select(a => a.GetAttribute("href")).ToList();
        var secondLinks = second.Links("/actors/").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(100, firstLinks.Count);
        Assert.Equal(100, secondLinks.Count);
        Assert.Empty(firstLinks.Intersect(secondLinks));
        Assert.Contains(first.Links("/actors?p=2"), a => a.GetAttribute("rel") == "next");
    }

    [Fact]
    public async Task An_actor_page_shows_aliases_who_coined_them_and_the_organ_it_operates_for()
    {
        var client = factory.CreateClient();
        var hafnium = await HtmlPage.GetAsync(client, "/actors/hafnium");

        Assert.Equal(HttpStatusCode.OK, hafnium.Status);
        Assert.Equal("HAFNIUM", hafnium.Text("h1"));
        Assert.Contains("Silk Typhoon (coined by Microsoft)", hafnium.Text(".aliases"), StringComparison.Ordinal);
        var mssLink = Assert.Single(hafnium.Document.QuerySelectorAll(".relations a"), a => a.TextContent == "Ministry of State Security");

        var mss = await HtmlPage.GetAsync(client, mssLink.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, mss.Status);
        Assert.Contains(mss.Document.QuerySelectorAll(".relations a"), a => a.TextContent == "HAFNIUM");
    }

    [Theory]
    [InlineData("/actors/no-such-actor")]
    [InlineData("/incidents/no-such-incident")]
    [InlineData("/actors/NOT..A..SLUG")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_get_a_friendly_not_found_page(string url)
    {
        var page = await HtmlPage.GetAsync(factory.CreateClient(), url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Not found", page.Text("h1"));
        Assert.DoesNotContain("Exception", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_start_over_an_empty_store_creates_the_database_loads_the_reference_data_and_the_seed_article_and_logs_in_the_data_folder()
    {
        await using var app = AttributionWebFactory.OverEmptyStore();

        var page = await HtmlPage.GetAsync(app.CreateClient(), "/");

        if (!TestDatabase.OnPostgres)
        {
            Assert.True(File.Exists(Path.Combine(app.DataFolder, "attribution.db")));
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataFolder, "logs"), "web-*.log"));
        Assert.True(int.Parse(page.Text("#count-actors"), NumberStyles.AllowThousands, CultureInfo.CurrentCulture) > 1000);
        Assert.Contains(page.Document.QuerySelectorAll("table.statements a"), a => a.TextContent == "HAFNIUM" && a.GetAttribute("href") == "/actors/hafnium");
    }
}
