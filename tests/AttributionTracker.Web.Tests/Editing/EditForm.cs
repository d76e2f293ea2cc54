using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AttributionTracker.Web.Tests.Editing;

/// <summary>
/// An edit form as a browser would post it: every field the page filled in (hidden version and token included),
/// with the test's changes on top.
/// </summary>
internal static class EditForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> changes, string? handler = null, string formSelector = "#edit-form")
    {
        var fields = await FieldsAsync(client, url, formSelector);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        var target = handler is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    public static async Task<Dictionary<string, string>> FieldsAsync(HttpClient client, string url, string formSelector = "#edit-form")
    {
        var html = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        var form = new HtmlParser().ParseDocument(html).QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"{url} has no form {formSelector}");
        return Fields(form);
    }

    public static Dictionary<string, string> Fields(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields[box.Name!] = box.Value;
                    }

                    break;
                case IHtmlInputElement { Type: "submit" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields[input.Name] = input.Value;
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name] = select.Value ?? "";
                    break;
            }
        }

        return fields;
    }

    /// <summary>The message shown beside a field (the span ASP.NET Core's validation tag helper writes).</summary>
    public static string Message(this HtmlPage page, string field) => page.Text($"span[data-valmsg-for='{field}']");
}
