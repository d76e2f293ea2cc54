using System.Net;

namespace AttributionTracker.Web.Tests;

/// <summary>Viewing the record as it stood on a past day, on the seed data (the seed article is dated 2021-07-19).</summary>
public sealed class AsOfTests(AttributionWebFactory app)
{
    [Theory]
    [InlineData("/?asof=yesterday")]
    [InlineData("/sources?asof=2021-13-01")]
    [InlineData("/actors/hafnium?asof=19/07/2021")]
    public async Task A_malformed_as_of_day_gets_a_bad_request_page_that_says_how_to_write_it(string url)
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("YYYY-MM-DD", page.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_as_of_view_says_so_keeps_the_day_on_its_links_and_offers_the_way_back_to_today()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/sources?asof=2021-07-19");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("as of 19 July 2021", page.Text(".as-of-banner"), StringComparison.Ordinal);
        var sourceLinks = page.Links("/sources/").ToList();
        Assert.NotEmpty(sourceLinks);
        Assert.All(sourceLinks, a => Assert.EndsWith("?asof=2021-07-19", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal("/sources", page.Document.QuerySelector(".as-of-banner a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Today_s_record_has_no_banner_and_plain_links()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/sources");

        Assert.Null(page.Document.QuerySelector(".as-of-banner"));
        Assert.All(page.Links("/sources/"), a => Assert.DoesNotContain("asof", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Before_the_seed_article_was_published_it_is_not_in_the_record()
    {
        var client = app.CreateClient();
        var today = await HtmlPage.GetAsync(client, "/sources");
        var before = await HtmlPage.GetAsync(client, "/sources?asof=2021-07-18");
        var sourceHref = today.Links("/sources/").First().GetAttribute("href")!;

        Assert.NotEmpty(today.Links("/sources/"));
        Assert.Empty(before.Links("/sources/"));
        var gone = await HtmlPage.GetAsync(client, sourceHref + "?asof=2021-07-18");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Contains("after the as-of day 2021-07-18", gone.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_as_of_form_keeps_the_page_s_other_query_values()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/actors?p=2");

        var form = page.Document.QuerySelector("form.as-of-form")!;
        Assert.Equal("2", form.QuerySelector("input[type=hidden][name=p]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("label[for=as-of-day]"));
        Assert.Equal("date", form.QuerySelector("#as-of-day")!.GetAttribute("type"));
    }
}
