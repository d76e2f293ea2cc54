using System.Net;
using AngleSharp;
using AngleSharp.Dom;

namespace AttributionTracker.Web.Tests;

/// <summary>A fetched page: its status and its parsed HTML.</summary>
internal sealed record HtmlPage(HttpStatusCode Status, IDocument Document)
{
    public static async Task<HtmlPage> GetAsync(HttpClient client, string url)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await client.GetAsync(url, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(new Uri(client.BaseAddress!, url)), ct);
        return new HtmlPage(response.StatusCode, document);
    }

    /// <summary>The text of the first element matching, with white space collapsed as a reader sees it.</summary>
    public string Text(string selector) =>
        string.Join(' ', (Document.QuerySelector(selector)?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public IEnumerable<IElement> Links(string hrefPrefix) =>
        Document.QuerySelectorAll("a[href]").Where(a => a.GetAttribute("href")!.StartsWith(hrefPrefix, StringComparison.Ordinal));
}
