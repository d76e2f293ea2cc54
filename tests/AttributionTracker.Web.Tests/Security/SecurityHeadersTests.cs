using System.Net;
using AngleSharp.Dom;

namespace AttributionTracker.Web.Tests.Security;

public sealed class SecurityHeadersTests(AttributionWebFactory app)
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/actors/no-such-actor", HttpStatusCode.NotFound)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/account/login", HttpStatusCode.OK)]
    public async Task Every_response_forbids_inline_script_framing_sniffing_and_leaky_referrers(string url, HttpStatusCode status)
    {
        using var response = await app.Client().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Csp, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_gets_no_strict_transport_security()
    {
        using var response = await app.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(Csp, Header(response, "Content-Security-Policy"));
    }

    /// <summary>
    /// The policy allows no inline script or style, so a page that had any would be broken in the browser:
    /// every page the seed data offers (and the sign-in page) has none.
    /// </summary>
    [Fact]
    public async Task No_page_has_inline_script_inline_style_or_event_handler_attributes()
    {
        var client = app.Client();
        await AssertNoInlineAsync(client, await SeedPagesAsync(client));
    }

    [Fact]
    public async Task No_account_or_admin_page_has_inline_script_inline_style_or_event_handler_attributes()
    {
        var admin = await app.SignedInClientAsync(Domain.Roles.Admin);
        await AssertNoInlineAsync(admin, ["/", "/account", "/admin/accounts", "/admin/accounts/new"]);
    }

    private static async Task<List<string>> SeedPagesAsync(HttpClient client)
    {
        var urls = new List<string> { "/", "/incidents", "/actors", "/actors/hafnium", "/parties", "/states", "/sources", "/search?q=hafnium", "/account/login", "/Status/404" };
        foreach (var list in new[] { "/incidents", "/parties", "/states", "/sources" })
        {
            var page = await HtmlPage.GetAsync(client, list);
            urls.Add(page.Links(list + "/").First().GetAttribute("href")!);
        }

        return urls;
    }

    private static async Task AssertNoInlineAsync(HttpClient client, IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            var page = await HtmlPage.GetAsync(client, url);
            Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url} answered {page.Status}");
            var inline = page.Document.All
                .Where(e => e.LocalName == "style" || (e.LocalName == "script" && !e.HasAttribute("src"))
                    || e.HasAttribute("style") || e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
                .Select(e => e.OuterHtml[..Math.Min(e.OuterHtml.Length, 120)])
                .ToList();
            Assert.True(inline.Count == 0, $"{url} has inline script or style: {string.Join(" | ", inline)}");
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
