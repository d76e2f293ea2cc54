using System.Net;
using AngleSharp.Dom;

namespace AttributionTracker.Web.Tests;

/// <summary>The home page on the seed article: UK, US and the NCSC blame China; Microsoft (a company, no state) names groups.</summary>
public sealed class HomePageTests(AttributionWebFactory app)
{
    [Fact]
    public async Task The_feed_reads_who_accused_whom_of_what_with_what_confidence()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/");

        var rows = page.Document.QuerySelectorAll("table.statements tbody tr")
            .Select(r => string.Join(' ', r.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains(rows, r => r.StartsWith("19 July 2021 National Cyber Security Centre accused HAFNIUM and China Explotación", StringComparison.Ordinal)
            && r.Contains("highly likely (“muy probable”)", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Spokesperson of the Ministry of Foreign Affairs of China denied", StringComparison.Ordinal));
        Assert.Contains(page.Document.QuerySelectorAll("table.statements a"), a => a.TextContent == "China" && a.GetAttribute("href") == "/states/CN");
    }

    [Fact]
    public async Task A_labelled_search_box_sends_the_words_to_the_search_page()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/?asof=2021-07-19");

        var form = page.Document.QuerySelector("main form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var box = form.QuerySelector("input[name=q]")!;
        Assert.NotNull(page.Document.QuerySelector($"label[for='{box.Id}']"));
        Assert.Equal("2021-07-19", form.QuerySelector("input[name=asof]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_matrix_counts_incidents_by_accusing_and_accused_state_and_leaves_companies_out()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/");

        var matrix = page.Document.QuerySelector("table.matrix")!;
        Assert.NotEmpty(matrix.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(["China"], matrix.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));
        Assert.Equal(["United Kingdom", "United States"], matrix.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent));
        Assert.Equal("/states/GB", matrix.QuerySelector("tbody th a")!.GetAttribute("href"));
        Assert.Equal(
            ["2 /incidents?accused=CN&accuser=GB&kind=attribution", "1 /incidents?accused=CN&accuser=US&kind=attribution"],
            matrix.QuerySelectorAll("td a").Select(a => a.TextContent + " " + a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/?conf=highly-likely", "2 /incidents?accused=CN&accuser=GB&conf=highly-likely&kind=attribution")]
    [InlineData("/?conf=almost-certain", "1 /incidents?accused=CN&accuser=GB&conf=almost-certain&kind=attribution")]
    [InlineData("/?conf=almost-certain&asof=2021-07-19", "1 /incidents?accused=CN&accuser=GB&conf=almost-certain&kind=attribution&asof=2021-07-19")]
    public async Task A_minimum_confidence_narrows_the_matrix_and_its_links_carry_it(string url, string cell)
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), url);

        Assert.Equal([cell], page.Document.QuerySelectorAll("table.matrix td a").Select(a => a.TextContent + " " + a.GetAttribute("href")));
        var select = page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#matrix-conf")!;
        Assert.NotNull(page.Document.QuerySelector("label[for=matrix-conf]"));
        Assert.Equal(url.Split("conf=")[1].Split('&')[0], select.Value);
    }

    [Fact]
    public async Task Each_matrix_count_equals_the_rows_of_the_list_it_opens()
    {
        var client = app.CreateClient();
        foreach (var home in new[] { "/", "/?conf=highly-likely", "/?conf=almost-certain" })
        {
            var page = await HtmlPage.GetAsync(client, home);
            foreach (var cell in page.Document.QuerySelectorAll("table.matrix td a"))
            {
                var list = await HtmlPage.GetAsync(client, cell.GetAttribute("href")!);
                Assert.Equal(int.Parse(cell.TextContent, System.Globalization.CultureInfo.InvariantCulture), list.Document.QuerySelectorAll("table.incidents tbody tr").Length);
            }
        }
    }

    [Fact]
    public async Task As_of_a_day_before_the_article_only_what_was_said_by_then_counts()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/?asof=2021-01-01");

        Assert.Equal("1", page.Text("#count-statements"));
        Assert.Equal("1", page.Text("#count-incidents"));
        Assert.Single(page.Document.QuerySelectorAll("table.statements tbody tr"));
        Assert.Null(page.Document.QuerySelector("table.matrix"));
        Assert.Contains("No attribution names a state", page.Text("#matrix-heading + p + form + p"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_confidence_is_explained_beside_the_matrix_form()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/?conf=12");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("“12” is not a confidence", page.Text("#matrix-conf-error"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("table.statements"));
    }

    [Fact]
    public async Task The_home_page_runs_a_fixed_number_of_SQL_commands()
    {
        Assert.InRange(await app.CountSqlCommandsAsync("/"), 1, 12);
    }
}
