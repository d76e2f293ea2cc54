using System.Net;

namespace AttributionTracker.Web.Tests.Editing;

/// <summary>Every page and handler this feature adds answers only editors; readers and role-less accounts are turned away.</summary>
public sealed class EditingAuthorizationTests(AttributionWebFactory app)
{
    public static TheoryData<string, string> Handlers() => new()
    {
        { "GET", "/incidents/new" },
        { "GET", "/incidents/ataque-al-parlamento-de-finlandia/edit" },
        { "POST", "/incidents/ataque-al-parlamento-de-finlandia/edit" },
        { "POST", "/incidents/ataque-al-parlamento-de-finlandia/edit?handler=Preview" },
        { "POST", "/incidents/new" },
        { "POST", "/editing/preview" },
        { "GET", "/actors/new" },
        { "POST", "/actors/new" },
        { "GET", "/actors/hafnium/edit" },
        { "POST", "/actors/hafnium/edit" },
        { "POST", "/actors/hafnium/edit?handler=Preview" },
        { "POST", "/actors/hafnium/edit?handler=AddAlias" },
        { "POST", "/actors/hafnium/edit?handler=RemoveAlias" },
        { "GET", "/actors/hafnium/merge?into=apt31" },
        { "POST", "/actors/hafnium/merge" },
        { "GET", "/parties/new" },
        { "POST", "/parties/new" },
        { "GET", "/parties/national-cyber-security-centre/edit" },
        { "POST", "/parties/national-cyber-security-centre/edit" },
        { "POST", "/parties/national-cyber-security-centre/edit?handler=Preview" },
        { "GET", "/sources/new" },
        { "POST", "/sources/new" },
        { "GET", "/sources/1/edit" },
        { "POST", "/sources/1/edit" },
    };

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Anonymous_requests_are_sent_to_sign_in(string method, string url)
    {
        var client = app.Client();

        var response = await SendAsync(client, method, url, "/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Accounts_without_a_role_are_refused(string method, string url)
    {
        var client = await app.SignedInClientAsync(null);

        var response = await SendAsync(client, method, url, "/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    // A POST carries a valid antiforgery token (from a page the client may see) so only authorization can refuse it.
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string tokenPage) =>
        method == "GET"
            ? await client.GetAsync(url, TestContext.Current.CancellationToken)
            : await client.PostAsync(url, await SignedIn.FormAsync(client, tokenPage, new() { ["Input.Name"] = "Should not be saved" }), TestContext.Current.CancellationToken);
}
