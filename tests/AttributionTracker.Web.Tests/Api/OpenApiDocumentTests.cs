using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>The OpenAPI document describes every API endpoint; the /api page shows it without anything from elsewhere.</summary>
public sealed class OpenApiDocumentTests(AttributionWebFactory app)
{
    [Fact]
    public async Task The_document_is_OpenAPI_3_and_describes_every_API_endpoint_with_its_answers()
    {
        using var response = await app.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");
        var endpoints = ApiEndpoints();
        Assert.Equal(11, endpoints.Count(e => e.Method == "GET"));
        Assert.Contains(("POST", "/api/v1/statements"), endpoints);
        foreach (var (method, path) in endpoints)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the document");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out _), $"{method} {path} has no 400");
            if (method != "GET")
            {
                continue;
            }

            Assert.True(responses.TryGetProperty("200", out var ok) && ok.TryGetProperty("content", out _), $"{path} has no 200 schema");
            Assert.Equal(path.Contains('{', StringComparison.Ordinal), responses.TryGetProperty("404", out _));
            Assert.All(operation.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()), $"{path}: {p}"));
        }

        Assert.Equal(
            endpoints.Select(e => e.Path).Distinct().Order(),
            paths.EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("/api/", StringComparison.Ordinal)).Order());
        var listParameters = paths.GetProperty("/api/v1/incidents").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["accused", "actor", "accuser", "by", "year", "conf", "confmode", "kind", "q", "sort", "page", "pageSize", "asof"], listParameters);
        var precisions = root.GetProperty("components").GetProperty("schemas").GetProperty("DatePrecision").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Contains("early-month", precisions);
    }

    [Fact]
    public async Task The_reference_page_lists_every_endpoint_and_uses_only_this_sites_files()
    {
        using var response = await app.CreateClient().GetAsync("/api", TestContext.Current.CancellationToken);
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/api");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var listed = page.Document.QuerySelectorAll(".api-operation h3")
            .Select(h => (h.QuerySelector(".badge")!.TextContent, h.QuerySelector(".api-path")!.TextContent)).ToList();
        Assert.Equal(ApiEndpoints().Order(), listed.Order());
        Assert.Equal("/openapi/v1.json", page.Document.GetElementById("openapi-document")!.GetAttribute("href"));

        var assets = page.Document.QuerySelectorAll("script[src], link[href], img[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.True(a.StartsWith('/') && !a.StartsWith("//", StringComparison.Ordinal), $"{a} is not served by this site"));
        Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), "inline script"));
        Assert.Empty(page.Document.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_list_endpoint_on_the_reference_page_can_be_followed()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), "/api");
        var link = page.Document.QuerySelectorAll("a.api-try").Select(a => a.GetAttribute("href")!).First(h => h == "/api/v1/incidents");

        var answer = await ApiAnswer.GetAsync(app.CreateClient(), link);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(3, answer.Json.GetProperty("total").GetInt32());
    }

    /// <summary>The API's endpoints as the app maps them: each method with its path in OpenAPI's form ("/api/v1/actors/{slug}").</summary>
    private List<(string Method, string Path)> ApiEndpoints() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (
                method,
                System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/'))))
            .Distinct(),
    ];
}
