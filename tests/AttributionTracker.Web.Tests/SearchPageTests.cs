using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

/// <summary>The search page on the seeded app: what a reader finds, how it is marked and linked, and hostile input.</summary>
public sealed class SearchPageTests(AttributionWebFactory app)
{
    [Fact]
    public async Task Hafnio_finds_HAFNIUM_first_by_its_Spanish_alias_and_the_statements_about_it()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/search?q=hafnio");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var hits = Hits(page);
        var first = hits[0];
        Assert.Equal("actor", first.GetAttribute("data-kind"));
        Assert.Equal("/actors/hafnium", first.QuerySelector("a.search-title")!.GetAttribute("href"));
        Assert.Equal("HAFNIUM", first.QuerySelector("a.search-title")!.TextContent);
        Assert.Contains("Hafnio", first.QuerySelectorAll("mark").Select(m => m.TextContent));

        var statements = hits.Where(h => h.GetAttribute("data-kind") == "statement").ToList();
        Assert.True(statements.Count >= 2, "the NCSC's and Microsoft's statements about HAFNIUM");
        Assert.All(statements, s => Assert.Contains(s.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/actors/hafnium"));
        var quoted = Assert.Single(statements, s => s.QuerySelector("blockquote mark") is not null);
        Assert.Equal("hafnio", quoted.QuerySelector("blockquote mark")!.TextContent);
        Assert.Contains(quoted.QuerySelectorAll("a"), a => a.TextContent == "National Cyber Security Centre" && a.GetAttribute("href")!.StartsWith("/parties/", StringComparison.Ordinal));
        Assert.Matches(@"^/sources/\d+#s\d+$", quoted.QuerySelector("blockquote a")!.GetAttribute("href"));
        Assert.Contains(statements, s => s.TextContent.Contains("Microsoft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Finlandia_finds_the_Finnish_parliament_attack_and_statements_that_link_to_it()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/search?q=Finlandia");

        var incident = Hits(page).First(h => h.GetAttribute("data-kind") == "incident");
        var link = incident.QuerySelector("a.search-title")!;
        Assert.Equal("/incidents/ataque-al-parlamento-de-finlandia", link.GetAttribute("href"));
        Assert.Equal("Finlandia", link.QuerySelector("mark")!.TextContent);
        var statements = Hits(page).Where(h => h.GetAttribute("data-kind") == "statement").ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Contains(s.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/incidents/ataque-al-parlamento-de-finlandia"));
        Assert.Contains("Incidents 1", page.Text("nav[aria-label='Kinds of result']"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("'; DROP TABLE Actors; --")]
    [InlineData("AND OR")]
    [InlineData("\") OR 1=1 --")]
    public async Task Query_syntax_and_SQL_give_an_ordinary_page_that_repeats_the_query(string typed)
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/search?q=" + Uri.EscapeDataString(typed));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(typed, page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#search-q")!.Value);
        var summary = page.Document.QuerySelector("main p:not(.form-text)")!.TextContent;
        Assert.Contains(typed, summary, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("p.search-none") ?? page.Document.QuerySelector("ol.search-results"));
    }

    [Fact]
    public async Task A_query_of_a_thousand_characters_gets_an_ordinary_no_results_page()
    {
        var typed = "hafnio " + new string('x', 993);

        var page = await HtmlPage.GetAsync(app.CreateClient(), "/search?q=" + typed);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No results for", page.Text("p.search-none"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_the_query_is_shown_as_text_never_run()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/search?q=" + Uri.EscapeDataString("<script>alert(1)</script> hafnio"));

        Assert.Empty(page.Document.QuerySelectorAll("main script"));
        Assert.Empty(page.Document.QuerySelectorAll("main mark script"));
        Assert.Contains("<script>", page.Text("p.search-none"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_query_shows_the_box_and_a_hint()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/search");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("label[for='search-q']"));
        Assert.Empty(Hits(page));
    }

    [Fact]
    public async Task As_of_a_day_before_the_article_its_statements_and_source_are_not_found_and_links_stay_as_of()
    {
        var client = app.CreateClient();
        var today = await HtmlPage.GetAsync(client, "/search?q=hafnio");
        var before = await HtmlPage.GetAsync(client, "/search?q=hafnio&asof=2021-07-18");

        Assert.Contains(Hits(today), h => h.GetAttribute("data-kind") == "statement");
        Assert.Equal(["actor"], Hits(before).Select(h => h.GetAttribute("data-kind")));
        Assert.Equal("/actors/hafnium?asof=2021-07-18", Hits(before)[0].QuerySelector("a.search-title")!.GetAttribute("href"));
        Assert.Equal("2021-07-18", before.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form[aria-label='Search the record'] input[name='asof']")!.Value);
    }

    [Fact]
    public async Task Many_hits_come_twenty_at_a_time_with_a_link_to_more_and_a_filter_by_kind()
    {
        var client = app.CreateClient();
        var first = await HtmlPage.GetAsync(client, "/search?q=apt");
        var more = first.Document.QuerySelector("a[rel='next']")!;
        var second = await HtmlPage.GetAsync(client, more.GetAttribute("href")!);
        var parties = await HtmlPage.GetAsync(client, "/search?q=china&kind=party");

        Assert.Equal("More results", more.TextContent);
        Assert.Equal(20, Hits(first).Count);
        Assert.NotEmpty(Hits(second));
        Assert.Empty(Hits(first).Select(Title).Intersect(Hits(second).Select(Title)));
        Assert.NotEmpty(Hits(parties));
        Assert.All(Hits(parties), h => Assert.Equal("party", h.GetAttribute("data-kind")));
        Assert.Equal("page", parties.Document.QuerySelector("nav[aria-label='Kinds of result'] a.active")!.GetAttribute("aria-current"));

        static string Title(IElement hit) => hit.QuerySelector(".search-title")!.TextContent;
    }

    [Fact]
    public async Task A_page_of_twenty_hits_runs_as_many_SQL_commands_as_a_page_of_one()
    {
        Assert.Equal(
            await app.CountSqlCommandsAsync("/search?q=hafnio&kind=actor"),
            await app.CountSqlCommandsAsync("/search?q=apt&kind=actor"));
        Assert.Equal(
            await app.CountSqlCommandsAsync("/search?q=hafnio&kind=statement"),
            await app.CountSqlCommandsAsync("/search?q=china&kind=statement"));
    }

    [Fact]
    public async Task A_renamed_actor_is_found_by_its_new_name_at_once()
    {
        await using var own = new AttributionWebFactory();
        await using (var scope = own.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttributionTracker.Data.AttributionDbContext>();
            var hafnium = await db.Actors.SingleAsync(a => a.Name == "HAFNIUM", TestContext.Current.CancellationToken);
            hafnium.Name = "Silk Typhoon (HAFNIUM)";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = await HtmlPage.GetAsync(own.CreateClient(), "/search?q=hafnio");

        Assert.Equal("Silk Typhoon (HAFNIUM)", Hits(page)[0].QuerySelector("a.search-title")!.TextContent);
    }

    private static List<IElement> Hits(HtmlPage page) => page.Document.QuerySelectorAll("ol.search-results > li").ToList();
}
