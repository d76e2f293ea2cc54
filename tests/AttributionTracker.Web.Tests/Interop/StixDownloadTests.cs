using System.Net;
using System.Text.Json;
using AttributionTracker.Interop.Stix;

namespace AttributionTracker.Web.Tests.Interop;

public sealed class StixDownloadTests(AttributionWebFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/incidents/ataque-al-parlamento-de-finlandia", "incident")]
    [InlineData("/actors/hafnium", "intrusion-set")]
    public async Task The_STIX_link_on_a_details_page_downloads_a_bundle_whose_every_object_is_valid(string page, string type)
    {
        var client = app.CreateClient();
        var html = await HtmlPage.GetAsync(client, page);
        var link = Assert.Single(html.Document.QuerySelectorAll("a.stix-download"));
        Assert.Equal("STIX 2.1", link.TextContent);

        var response = await client.GetAsync(link.GetAttribute("href"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/stix+json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".stix.json", response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        using var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var objects = bundle.RootElement.GetProperty("objects").EnumerateArray().ToList();
        Assert.Contains(objects, o => o.GetProperty("type").GetString() == type);
        Assert.Empty(objects.SelectMany((o, i) => StixSchemas.Instance.Validate(o, $"$.objects[{i}]")));
    }

    [Theory]
    [InlineData("/incidents/no-such-incident/stix.json")]
    [InlineData("/actors/Not%20a%20slug/stix.json")]
    public async Task An_unknown_or_malformed_slug_gets_the_friendly_404(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_store_downloads_as_one_bundle()
    {
        var response = await app.CreateClient().GetAsync("/export/stix", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("bundle", bundle.RootElement.GetProperty("type").GetString());
        Assert.Contains(bundle.RootElement.GetProperty("objects").EnumerateArray(), o => o.GetProperty("type").GetString() == "opinion");
    }
}
