using System.Net;
using AngleSharp.Dom;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Tests.Editing;

public sealed class ConcurrencyTests
{
    private const string Finland = "/incidents/ataque-al-parlamento-de-finlandia";

    [Fact]
    public async Task The_second_of_two_editors_sees_both_versions_and_can_keep_theirs_or_save_mine()
    {
        await using var app = new AttributionWebFactory();
        var first = await app.SignedInClientAsync(Roles.Editor);
        var second = await app.SignedInClientAsync(Roles.Editor);
        var firstForm = await EditForm.FieldsAsync(first, Finland + "/edit");
        var secondForm = await EditForm.FieldsAsync(second, Finland + "/edit");

        firstForm["Input.Scale"] = "Some MPs' e-mail accounts";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(first, firstForm)).StatusCode);

        secondForm["Input.Scale"] = "Several parliamentary accounts";
        var conflict = await Post(second, secondForm);

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await IncidentEditTests.Parse(conflict);
        var row = page.Document.QuerySelectorAll(".conflict-fields tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Scale");
        Assert.Equal("Some MPs' e-mail accounts", row.QuerySelector(".theirs")!.TextContent);
        Assert.Equal("Several parliamentary accounts", row.QuerySelector(".mine")!.TextContent);
        Assert.Equal(Finland, page.Document.QuerySelector(".conflict a")!.GetAttribute("href"));
        Assert.Contains("Some MPs' e-mail accounts", (await HtmlPage.GetAsync(app.Client(), Finland)).Text(".incident-facts"), StringComparison.Ordinal);

        // "Save mine": the form the conflict page holds now carries the stored version.
        var saveMine = EditForm.Fields((AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector("#edit-form")!);
        Assert.Equal("Several parliamentary accounts", saveMine["Input.Scale"]);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(second, saveMine)).StatusCode);
        Assert.Contains("Several parliamentary accounts", (await HtmlPage.GetAsync(app.Client(), Finland)).Text(".incident-facts"), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, Dictionary<string, string> fields) =>
        client.PostAsync(Finland + "/edit", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
}
