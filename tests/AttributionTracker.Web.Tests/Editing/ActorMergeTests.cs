using System.Net;
using AngleSharp.Dom;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Tests.Editing;

public sealed class ActorMergeTests
{
    [Fact]
    public async Task Merging_moves_statements_aliases_and_identifiers_and_the_old_address_redirects_permanently()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);
        await EditForm.PostAsync(editor, "/actors/new", new() { ["Input.Name"] = "Example Typhoon" });
        var before = await HtmlPage.GetAsync(app.Client(), "/actors/hafnium");
        var identifiers = before.Text(".identifiers");
        Assert.NotEqual("", identifiers);

        var confirm = await HtmlPage.GetAsync(editor, "/actors/hafnium/merge?into=example+typhoon");
        Assert.Contains("Merge HAFNIUM into Example Typhoon?", confirm.Text("#confirm-heading"), StringComparison.Ordinal);
        Assert.Contains("Hafnio", confirm.Text("#plan-aliases"), StringComparison.Ordinal);
        Assert.Matches(@"^\d+ statements", confirm.Text("#plan-statements"));
        var merged = await EditForm.PostAsync(editor, "/actors/hafnium/merge?into=example+typhoon", [], formSelector: "#merge-confirm-form");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var redirect = await app.Client().GetAsync("/actors/hafnium", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/actors/example-typhoon", redirect.Headers.Location?.OriginalString);
        var asOf = await app.Client().GetAsync("/actors/hafnium?asof=2021-07-19&p=2", TestContext.Current.CancellationToken);
        Assert.Equal("/actors/example-typhoon?asof=2021-07-19&p=2", asOf.Headers.Location?.OriginalString);

        var target = await HtmlPage.GetAsync(app.Client(), "/actors/example-typhoon");
        var aliases = target.Text(".aliases");
        Assert.Contains("HAFNIUM", aliases, StringComparison.Ordinal);
        Assert.Contains("Hafnio", aliases, StringComparison.Ordinal);
        Assert.Equal(before.Text("#summary"), target.Text("#summary"));
        Assert.Equal(identifiers, target.Text(".identifiers"));

        var search = await HtmlPage.GetAsync(app.Client(), "/search?q=hafnium");
        var actorHit = search.Document.QuerySelectorAll("[data-kind=actor]").First();
        Assert.Equal("/actors/example-typhoon", actorHit.QuerySelector("a.search-title")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_unknown_target_is_reported_beside_the_field()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);

        var page = await HtmlPage.GetAsync(editor, "/actors/hafnium/merge?into=no+such+group+at+all");

        Assert.Contains("No other actor is called", page.Message("into"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#merge-confirm-form"));
    }
}
