using System.Net;
using AngleSharp.Dom;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Tests.Editing;

public sealed class PreviewTests(AttributionWebFactory app)
{
    private const string Hostile = "Hello **world** <script>alert(1)</script> [click](javascript:alert(2))";

    [Fact]
    public async Task The_live_preview_renders_markdown_escapes_script_and_drops_javascript_links()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor);
        var form = await SignedIn.FormAsync(editor, "/incidents/new", new() { ["markdown"] = Hostile });

        var response = await editor.PostAsync("/editing/preview", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<strong>world</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_javascript_the_preview_button_shows_the_rendered_summary_and_keeps_the_form()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor);

        var response = await EditForm.PostAsync(editor, "/incidents/new", new() { ["Input.Name"] = "Draft", ["Input.Summary"] = Hostile }, handler: "Preview");

        var page = await IncidentEditTests.Parse(response);
        var preview = page.Document.QuerySelector("#Input_Summary-preview")!;
        Assert.Equal("world", preview.QuerySelector("strong")?.TextContent);
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.DoesNotContain(preview.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal("Draft", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlPage.GetAsync(app.Client(), "/incidents/draft")).Status);
    }
}
