using System.Net;
using System.Text.Json;
using AttributionTracker.Web.Tests.Incidents;

namespace AttributionTracker.Web.Tests.Interop;

/// <summary>The MISP galaxy and statements CSV downloads, reached from the lists' links, on the seed article.</summary>
public sealed class DownloadsTests(AttributionWebFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_actors_list_links_a_MISP_galaxy_of_every_actor_with_its_MISP_uuid()
    {
        var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/actors");
        var link = page.Document.GetElementById("download-misp-galaxy")!.GetAttribute("href")!;

        using var response = await client.GetAsync(link, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("misp-galaxy-threat-actor.json", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("threat-actor", json.RootElement.GetProperty("type").GetString());
        var values = json.RootElement.GetProperty("values").EnumerateArray().ToList();
        Assert.True(values.Count > 1000, $"{values.Count} actors");
        var hafnium = values.Single(v => v.GetProperty("value").GetString() == "HAFNIUM");
        Assert.Equal("4f05d6c1-3fc1-4567-91cd-dd4637cc38b5", hafnium.GetProperty("uuid").GetString());
        Assert.Equal("CN", hafnium.GetProperty("meta").GetProperty("country").GetString());
    }

    [Fact]
    public async Task The_incident_lists_statements_CSV_has_one_row_per_matching_statement()
    {
        var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/incidents?accused=CN&conf=highly-likely");
        var link = page.Document.GetElementById("download-statements-csv")!.GetAttribute("href")!;
        Assert.Equal("/statements.csv?accused=CN&conf=highly-likely", link);

        using var response = await client.GetAsync(link, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("statements_accused-CN_conf-highly-likely.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var csv = CsvTable.Read(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(2, csv.Rows.Count);
        Assert.All(csv.Column("accused_state"), s => Assert.Equal("CN", s));
        Assert.Equal(["almost-certain", "highly-likely"], csv.Column("confidence").Order());
        Assert.All(csv.Column("party_slugs"), p => Assert.Contains("national-cyber-security-centre", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/statements.csv?accused=ZZ", "No state has the code ZZ")]
    [InlineData("/statements.csv?kind=rumour", "not a kind of statement")]
    [InlineData("/statements.csv?asof=yesterday", "not a date")]
    public async Task A_bad_filter_gets_the_400_page_saying_what_is_wrong(string url, string message)
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_incidents_CSV_starts_with_the_CFR_trackers_columns_then_ours()
    {
        using var response = await app.CreateClient().GetAsync("/incidents?handler=csv&sort=name-asc", Ct);
        var csv = CsvTable.Read(await response.Content.ReadAsByteArrayAsync(Ct));

        Assert.Equal(["Title", "Date", "Affiliations", "Description", "Response", "Victims", "Sponsor", "Type", "Sources"], csv.Header.Take(9));
        Assert.Contains("Slug", csv.Header);
        var exchange = csv.Rows.Single(r => r["Title"].Contains("Exchange", StringComparison.Ordinal));
        Assert.Contains("HAFNIUM", exchange["Affiliations"], StringComparison.Ordinal);
        Assert.Equal("China", exchange["Sponsor"]);
        Assert.Equal("0", exchange["Denials"]);

        // China's denial answers the election accusation: counted there even though the list's rows are attributions.
        var elections = csv.Rows.Single(r => r["Title"].Contains("electorales", StringComparison.Ordinal));
        Assert.Equal("1", elections["Denials"]);
    }
}
