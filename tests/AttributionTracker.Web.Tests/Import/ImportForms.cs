using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace AttributionTracker.Web.Tests.Import;

/// <summary>Posts the import page's forms as a browser would, field by field, and parses the answer.</summary>
internal static class ImportForms
{
    public static string CorpusFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "corpus", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(name);
    }

    public static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await HtmlPage.GetAsync(client, "/import");
        return page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"/import answered {(int)page.Status} without a form");
    }

    public static async Task<(HttpResponseMessage Response, HtmlPage Page)> PostAsync(HttpClient client, string handler, HttpContent content)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await client.PostAsync("/import?handler=" + handler, content, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), ct);
        return (response, new HtmlPage(response.StatusCode, document));
    }

    public static Task<(HttpResponseMessage Response, HtmlPage Page)> PasteAsync(HttpClient client, string token, string text, string? published = null) =>
        PostAsync(client, "Preview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Article.Text"] = text,
            ["Article.Published"] = published ?? "",
            ["Article.Language"] = "auto",
        }));

    public static Task<(HttpResponseMessage Response, HtmlPage Page)> UploadAsync(HttpClient client, string token, string fileName, byte[] bytes)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("auto"), "Article.Language" },
            { new ByteArrayContent(bytes), "Article.File", fileName },
        };
        return PostAsync(client, "Preview", content);
    }

    /// <summary>Every value the review form would send as it stands: hidden and text inputs, checked radios, selected options.</summary>
    public static List<KeyValuePair<string, string>> Fields(IDocument document)
    {
        var form = document.QuerySelector("#review-form") ?? throw new InvalidOperationException("no review form");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "radio" } radio when !radio.IsChecked:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.SelectedOptions.FirstOrDefault()?.Value ?? ""));
                    break;
            }
        }

        return fields;
    }

    public static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        if (index < 0)
        {
            throw new InvalidOperationException($"the form has no field {name}");
        }

        fields[index] = new(name, value);
    }

    public static void AssertNoServerError(HttpResponseMessage response) =>
        Assert.True(response.StatusCode < HttpStatusCode.InternalServerError, $"answered {(int)response.StatusCode}");
}
