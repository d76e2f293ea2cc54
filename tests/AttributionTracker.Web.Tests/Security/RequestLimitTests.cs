using System.Net;
using AngleSharp.Html.Parser;

namespace AttributionTracker.Web.Tests.Security;

public sealed class RequestLimitTests(AttributionWebFactory app)
{
    [Fact]
    public async Task A_body_over_10_MB_gets_the_413_page_saying_what_the_limit_is()
    {
        var client = app.Client();
        var form = await SignedIn.FormAsync(client, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = new string('x', 11 * 1024 * 1024) });

        using var response = await client.PostAsync("/account/login", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Too large", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("larger than the 10 MB this site accepts", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5_MB_form_field_is_within_the_limits()
    {
        var client = app.Client();

        // An article pasted into a text area arrives as one form value, larger than ASP.NET Core's default 4 MB.
        var form = await SignedIn.FormAsync(client, "/account/login", new() { ["Email"] = new string('a', 5 * 1024 * 1024), ["Password"] = "whatever it is" });
        using var response = await client.PostAsync("/account/login", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That is not an e-mail address.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
