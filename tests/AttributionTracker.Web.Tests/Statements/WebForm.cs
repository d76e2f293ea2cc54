using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace AttributionTracker.Web.Tests.Statements;

/// <summary>A form as a browser would submit it: every field's current value, some changed by the test.</summary>
internal sealed class WebForm
{
    private readonly List<KeyValuePair<string, string>> fields;

    private WebForm(HtmlPage page, List<KeyValuePair<string, string>> fields)
    {
        Page = page;
        this.fields = fields;
    }

    public HtmlPage Page { get; }

    /// <summary>Reads the form <paramref name="selector"/> on the page at <paramref name="url"/>, with the page's antiforgery token.</summary>
    public static async Task<WebForm> OpenAsync(HttpClient client, string url, string selector = "#statement-form")
    {
        var page = await HtmlPage.GetAsync(client, url);
        return From(page, selector);
    }

    public static WebForm From(HtmlPage page, string selector = "#statement-form")
    {
        var form = page.Document.QuerySelector(selector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {selector} on {page.Document.Url} ({page.Status})");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.FirstOrDefault()?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        if (!fields.Any(f => f.Key == "__RequestVerificationToken")
            && page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }

        return new WebForm(page, fields);
    }

    /// <summary>Sets one field (replacing every value it had).</summary>
    public WebForm Set(string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a value (a ticked checkbox among several of one name).</summary>
    public WebForm Add(string name, string value)
    {
        fields.Add(new(name, value));
        return this;
    }

    public string? Value(string name) => fields.LastOrDefault(f => f.Key == name).Value;

    public async Task<HttpResponseMessage> PostAsync(HttpClient client, string url) =>
        await client.PostAsync(url, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    /// <summary>Posts and parses the answer (a form sent back with messages, or a conflict page).</summary>
    public async Task<HtmlPage> PostForPageAsync(HttpClient client, string url)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await PostAsync(client, url);
        var html = await response.Content.ReadAsStringAsync(ct);
        var document = await AngleSharp.BrowsingContext.New(AngleSharp.Configuration.Default).OpenAsync(r => r.Content(html).Address(new Uri(client.BaseAddress!, url)), ct);
        return new HtmlPage(response.StatusCode, document);
    }
}

internal static class FieldErrors
{
    /// <summary>The message shown beside a field, whether drawn by a tag helper or by the picker partial.</summary>
    public static string? ErrorFor(this HtmlPage page, string field)
    {
        var element = page.Document.QuerySelector($"[data-valmsg-for='{field}']") is { } span && span.TextContent.Trim().Length > 0
            ? span
            : page.Document.QuerySelector($".field-error[data-for='{field}']");
        var text = element?.TextContent.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
