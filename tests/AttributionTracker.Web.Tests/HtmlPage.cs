using System.Net;
using AngleSharp;
using AngleSharp.Dom;

namespace AttributionTracker.Web.Tests;

/// <summary>A fetched page: its status and its parsed HTML.</summary>
internal sealed record HtmlPage(HttpStatusCode Status, IDocument Document)
{
    public static async Task<HtmlPage> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return await ParseAsync(response);
    }

    /// <summary>The page an answer already received carries, when the test also reads the answer's headers.</summary>
    public static async Task<HtmlPage> ParseAsync(HttpResponseMessage response)
    {
        var ct = TestContext.Current.CancellationToken;
        var html = await response.Content.ReadAsStringAsync(ct);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!), ct);
        return new HtmlPage(response.StatusCode, document);
    }

    /// <summary>The text of the first element matching, with white space collapsed as a reader sees it.</summary>
    public string Text(string selector) =>
        string.Join(' ', (Document.QuerySelector(selector)?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public IEnumerable<IElement> Links(string hrefPrefix) =>
        Document.QuerySelectorAll("a[href]").Where(a => a.GetAttribute("href")!.StartsWith(hrefPrefix, StringComparison.Ordinal));
}
