using System.Net;
using System.Text;
using AngleSharp.Dom;

namespace AttributionTracker.Web.Tests.Incidents;

/// <summary>The incident list's filters on the seed article: UK, US, NCSC and Microsoft accuse China and its groups; China denies.</summary>
public sealed class IncidentListTests(AttributionWebFactory app)
{
    private const string Exchange = "Explotación de unos 250.000 servidores Microsoft Exchange";
    private const string Finland = "Ataque al parlamento de Finlandia";
    private const string Elections = "Espiar a personas y grupos involucrados en las campañas electorales presidenciales de EE. UU.";

    [Fact]
    public async Task Without_filters_every_incident_is_listed_with_who_accused_whom()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/incidents");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(new[] { Elections, Exchange, Finland }.Order(), IncidentNames(page).Order());
        var exchange = Row(page, Exchange);
        Assert.Contains(exchange.QuerySelectorAll("a"), a => a.TextContent == "National Cyber Security Centre" && a.GetAttribute("href") == "/parties/national-cyber-security-centre");
        Assert.Contains(exchange.QuerySelectorAll("a"), a => a.TextContent == "HAFNIUM" && a.GetAttribute("href") == "/actors/hafnium");
        Assert.Contains(exchange.QuerySelectorAll("a"), a => a.TextContent == "China" && a.GetAttribute("href") == "/states/CN");
        Assert.Contains("highly likely", exchange.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accused_China_at_least_highly_likely_lists_the_two_incidents_the_NCSC_judged()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/incidents?accused=CN&conf=highly-likely");

        Assert.Equal(new[] { Exchange, Finland }.Order(), IncidentNames(page).Order());
        Assert.Contains("accused state is China", page.Text(".active-filters"), StringComparison.Ordinal);
        Assert.Contains("confidence at least highly likely", page.Text(".active-filters"), StringComparison.Ordinal);
        Assert.Equal("CN", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#f-accused")!.Value);
    }

    [Theory]
    [InlineData("/incidents?conf=almost-certain&confmode=exactly", new[] { Finland })]
    [InlineData("/incidents?conf=6&confmode=exactly", new[] { Exchange })]
    [InlineData("/incidents?kind=denial", new[] { Elections })]
    [InlineData("/incidents?by=microsoft", new[] { Elections, Exchange })]
    [InlineData("/incidents?accuser=US", new[] { Exchange })]
    [InlineData("/incidents?accuser=CN&kind=attribution", new string[0])]
    [InlineData("/incidents?actor=hafnio", new[] { Exchange })]
    [InlineData("/incidents?actor=Ministerio%20de%20Seguridad%20del%20Estado", new[] { Finland })]
    [InlineData("/incidents?year=2020", new[] { Elections })]
    [InlineData("/incidents?q=finlandia", new[] { Finland })]
    [InlineData("/incidents?q=explotacion", new[] { Exchange })]
    [InlineData("/incidents?asof=2021-01-01", new[] { Elections })]
    public async Task Each_filter_narrows_the_list_to_the_incidents_with_matching_statements(string url, string[] expected)
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(expected.Order(), IncidentNames(page).Order());
    }

    [Fact]
    public async Task A_row_counts_only_the_statements_that_match()
    {
        var all = await HtmlPage.GetAsync(app.CreateClient(), "/incidents");
        var judged = await HtmlPage.GetAsync(app.CreateClient(), "/incidents?conf=highly-likely");

        Assert.Equal("4", Cells(Row(all, Exchange))[5]);
        Assert.Equal("1", Cells(Row(judged, Exchange))[5]);
        Assert.DoesNotContain(Row(judged, Exchange).QuerySelectorAll("a"), a => a.TextContent == "Microsoft");
    }

    [Theory]
    [InlineData("/incidents?accused=ZZ", "accused", "No state has the code ZZ")]
    [InlineData("/incidents?accused=China", "accused", "not a state code")]
    [InlineData("/incidents?year=99999", "year", "not a year")]
    [InlineData("/incidents?conf=12", "conf", "not a confidence")]
    [InlineData("/incidents?kind=rumour", "kind", "not a kind of statement")]
    [InlineData("/incidents?by=nobody-at-all", "by", "No party is called")]
    [InlineData("/incidents?sort=colour", "sort", "not a way to sort")]
    [InlineData("/incidents?handler=csv&year=99999", "year", "not a year")]
    public async Task A_bad_value_is_answered_beside_the_form_not_with_an_error_page(string url, string field, string message)
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.Text("#filter-errors"), StringComparison.Ordinal);
        Assert.Contains(message, page.Text($"#f-{field}-error"), StringComparison.Ordinal);
        Assert.Equal($"f-{field}-error", page.Document.GetElementById($"f-{field}")!.GetAttribute("aria-describedby"));
        Assert.Null(page.Document.QuerySelector("table.incidents"));
        Assert.NotNull(page.Document.QuerySelector("form.filters"));
    }

    [Fact]
    public async Task Every_form_control_has_a_label()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/incidents");

        var controls = page.Document.QuerySelectorAll("form.filters select, form.filters input:not([type=hidden])");
        Assert.NotEmpty(controls);
        Assert.All(controls, c => Assert.NotNull(page.Document.QuerySelector($"label[for='{c.Id}']")));
    }

    [Fact]
    public async Task Sorting_by_name_follows_the_query_value_both_ways()
    {
        var up = await HtmlPage.GetAsync(app.CreateClient(), "/incidents?sort=name-asc");
        var down = await HtmlPage.GetAsync(app.CreateClient(), "/incidents?sort=name-desc");

        Assert.Equal(IncidentNames(up).Order(StringComparer.Ordinal), IncidentNames(up));
        Assert.Equal(IncidentNames(up).AsEnumerable().Reverse(), IncidentNames(down));
        Assert.Equal("ascending", up.Document.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task The_CSV_has_exactly_the_rows_of_the_filtered_list_with_their_addresses()
    {
        var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/incidents?accused=CN&conf=highly-likely&sort=name-asc");
        var link = page.Document.GetElementById("download-csv")!.GetAttribute("href")!;

        using var response = await client.GetAsync(link, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("incidents_accused-CN_conf-highly-likely.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var csv = CsvTable.Read(bytes);
        Assert.Equal(IncidentNames(page), csv.Column("Title"));
        Assert.Contains(Exchange, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(["1", "1"], csv.Column("Matching statements"));
        Assert.Equal(["almost certain", "highly likely"], csv.Column("Highest confidence"));
        Assert.All(csv.Column("URL"), url => Assert.Matches("^http://[^/]+/incidents/[a-z0-9-]+$", url));
        Assert.Equal(page.Links("/incidents/").Select(a => a.GetAttribute("href")), csv.Column("URL").Select(u => new Uri(u).AbsolutePath));
    }

    [Fact]
    public async Task As_of_a_day_the_CSV_and_its_addresses_keep_the_day()
    {
        using var response = await app.CreateClient().GetAsync("/incidents?handler=csv&asof=2021-01-01", TestContext.Current.CancellationToken);
        var csv = CsvTable.Read(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.Equal([Elections], csv.Column("Title"));
        Assert.EndsWith("?asof=2021-01-01", Assert.Single(csv.Column("URL")), StringComparison.Ordinal);
        Assert.Equal("incidents_asof-2021-01-01.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Removing_one_active_filter_keeps_the_others()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/incidents?accused=CN&conf=highly-likely&confmode=exactly");

        var remove = page.Document.QuerySelectorAll("a.remove-filter").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/incidents?conf=highly-likely&confmode=exactly", remove);
        Assert.Contains("/incidents?accused=CN", remove);
        Assert.Equal("/incidents", page.Document.GetElementById("clear-filters")!.GetAttribute("href"));
    }

    internal static List<string> IncidentNames(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("table.incidents tbody tr th a").Select(a => a.TextContent)];

    private static IElement Row(HtmlPage page, string incident) =>
        page.Document.QuerySelectorAll("table.incidents tbody tr").Single(r => r.QuerySelector("th a")!.TextContent == incident);

    private static List<string> Cells(IElement row) =>
        [.. row.Children.Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];
}
