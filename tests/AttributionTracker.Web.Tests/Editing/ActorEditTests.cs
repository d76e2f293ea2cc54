using System.Net;
using AngleSharp.Dom;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Tests.Editing;

public sealed class ActorEditTests
{
    [Fact]
    public async Task An_editor_edits_an_actor_and_its_description_is_shown_as_markdown()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);

        var saved = await EditForm.PostAsync(editor, "/actors/hafnium/edit", new()
        {
            ["Input.Name"] = "Hafnium (Silk Typhoon)",
            ["Input.Description"] = "Operates **from China**. <script>alert(1)</script>",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await HtmlPage.GetAsync(app.Client(), "/actors/hafnium");
        Assert.Equal("Hafnium (Silk Typhoon)", page.Text("h1"));
        Assert.Equal("from China", page.Document.QuerySelector(".description strong")?.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll(".description script"));
    }

    [Fact]
    public async Task Aliases_are_added_with_their_coiner_refused_when_duplicate_and_removed()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);
        const string Edit = "/actors/hafnium/edit";

        var added = await EditForm.PostAsync(editor, Edit, new() { ["NewAlias.Name"] = "Silk Typhoon Test", ["NewAlias.Language"] = "en", ["NewAlias.CoinedBy"] = "Microsoft" }, "AddAlias", "#add-alias-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var actor = await HtmlPage.GetAsync(app.Client(), "/actors/hafnium");
        Assert.Contains(actor.Document.QuerySelectorAll(".aliases li"), li => li.TextContent.Contains("Silk Typhoon Test", StringComparison.Ordinal) && li.TextContent.Contains("coined by Microsoft", StringComparison.Ordinal));

        var duplicate = await IncidentEditTests.Parse(await EditForm.PostAsync(editor, Edit, new() { ["NewAlias.Name"] = "silk typhoon TEST" }, "AddAlias", "#add-alias-form"));
        Assert.Contains("already an alias", duplicate.Message("NewAlias.Name"), StringComparison.Ordinal);
        var unknownParty = await IncidentEditTests.Parse(await EditForm.PostAsync(editor, Edit, new() { ["NewAlias.Name"] = "Other name", ["NewAlias.CoinedBy"] = "No Such Company Ltd" }, "AddAlias", "#add-alias-form"));
        Assert.Contains("No party is called", unknownParty.Message("NewAlias.CoinedBy"), StringComparison.Ordinal);

        var form = (await HtmlPage.GetAsync(editor, Edit)).Document.QuerySelectorAll(".alias-list li")
            .Single(li => li.QuerySelector(".alias-name")!.TextContent == "Silk Typhoon Test").QuerySelector("form")!;
        var removed = await EditForm.PostAsync(editor, Edit, new() { ["aliasId"] = form.QuerySelector("input[name=aliasId]")!.GetAttribute("value")! }, "RemoveAlias", "#add-alias-form");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("Silk Typhoon Test", (await HtmlPage.GetAsync(app.Client(), "/actors/hafnium")).Text(".aliases"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_actor_needs_a_name()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);

        var empty = await IncidentEditTests.Parse(await EditForm.PostAsync(editor, "/actors/new", new() { ["Input.Name"] = " " }));
        Assert.Contains("Give the actor a name", empty.Message("Input.Name"), StringComparison.Ordinal);

        var created = await EditForm.PostAsync(editor, "/actors/new", new() { ["Input.Name"] = "Example Typhoon", ["Input.SponsorState"] = "CN" });
        Assert.Equal("/actors/example-typhoon", created.Headers.Location?.OriginalString);
        Assert.Contains("China", (await HtmlPage.GetAsync(app.Client(), "/actors/example-typhoon")).Text(".actor-facts"), StringComparison.Ordinal);
    }
}
