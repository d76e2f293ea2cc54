using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Tests.Editing;

public sealed class PartyAndSourceEditTests
{
    private const string Ncsc = "/parties/national-cyber-security-centre";

    [Fact]
    public async Task An_editor_edits_a_party_its_parent_and_aliases()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);

        var saved = await EditForm.PostAsync(editor, Ncsc + "/edit", new()
        {
            ["Input.Name"] = "National Cyber Security Centre (UK)",
            ["Input.Parent"] = "",
            ["Input.Aliases[3].Name"] = "Centro Nacional de Ciberseguridad británico",
            ["Input.Aliases[3].Language"] = "es",
            ["Input.Description"] = "Part of **GCHQ**. <script>alert(1)</script>",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await HtmlPage.GetAsync(app.Client(), Ncsc);
        Assert.Equal("National Cyber Security Centre (UK)", page.Text("h1"));
        Assert.Equal("GCHQ", page.Text(".party .description strong"));
        Assert.Null(page.Document.QuerySelector(".party .description script"));
        var form = await EditForm.FieldsAsync(editor, Ncsc + "/edit");
        Assert.Contains("Centro Nacional de Ciberseguridad británico", form.Values);

        var bad = await IncidentEditTests.Parse(await EditForm.PostAsync(editor, Ncsc + "/edit", new() { ["Input.Name"] = "", ["Input.Parent"] = "No such body anywhere" }));
        Assert.Contains("Give the party a name", bad.Message("Input.Name"), StringComparison.Ordinal);
        Assert.Contains("No party is called", bad.Message("Input.Parent"), StringComparison.Ordinal);

        var created = await EditForm.PostAsync(editor, "/parties/new", new() { ["Input.Name"] = "Example Agency", ["Input.Kind"] = "1", ["Input.State"] = "GB", ["Input.Parent"] = "national-cyber-security-centre" });
        Assert.Equal("/parties/example-agency", created.Headers.Location?.OriginalString);
        Assert.Contains("National Cyber Security Centre (UK)", (await HtmlPage.GetAsync(app.Client(), "/parties/example-agency")).Text(".party-facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_source_needs_an_http_address_and_its_text_stays_editable_until_quoted()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Joint statement on malicious cyber activity",
            ["Input.Url"] = "javascript:alert(1)",
            ["Input.Language"] = "en",
            ["Input.PublishedOn"] = "2021-13-01",
            ["Input.Text"] = "The UK and allies attribute the Exchange compromise to HAFNIUM.",
        };

        var bad = await IncidentEditTests.Parse(await EditForm.PostAsync(editor, "/sources/new", values));
        Assert.Contains("http:// or https://", bad.Message("Input.Url"), StringComparison.Ordinal);
        Assert.Contains("not a real date", bad.Message("Input.PublishedOn"), StringComparison.Ordinal);

        values["Input.Url"] = "https://www.gov.uk/government/news/example";
        values["Input.PublishedOn"] = "2021-07-19";
        var created = await EditForm.PostAsync(editor, "/sources/new", values);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString + "/edit";
        var form = await HtmlPage.GetAsync(editor, edit);
        Assert.False(form.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.IsReadOnly);
        var retitled = await EditForm.PostAsync(editor, edit, new() { ["Input.Title"] = "Joint statement (corrected)", ["Input.Text"] = "A corrected text." });
        Assert.Equal(HttpStatusCode.Redirect, retitled.StatusCode);
        Assert.Equal("Joint statement (corrected)", (await HtmlPage.GetAsync(app.Client(), created.Headers.Location!.OriginalString)).Text("h1"));
    }

    [Fact]
    public async Task The_text_of_a_quoted_source_is_read_only_and_a_posted_change_to_it_is_ignored()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);
        var sources = await HtmlPage.GetAsync(app.Client(), "/sources");
        var details = sources.Links("/sources/").Select(a => a.GetAttribute("href")!).First(h => System.Text.RegularExpressions.Regex.IsMatch(h, @"^/sources/\d+$"));
        var before = (await HtmlPage.GetAsync(app.Client(), details)).Text("main");

        var form = await HtmlPage.GetAsync(editor, details + "/edit");
        Assert.True(form.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.IsReadOnly);
        Assert.Contains("cannot be changed", form.Text("#text-locked"), StringComparison.Ordinal);

        var saved = await EditForm.PostAsync(editor, details + "/edit", new() { ["Input.Text"] = "Replaced." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before, (await HtmlPage.GetAsync(app.Client(), details)).Text("main"));
    }
}
