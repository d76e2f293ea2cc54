using System.Net;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Tests;

public sealed class SignInTests(AttributionWebFactory app)
{
    [Fact]
    public async Task An_editor_signs_in_and_out_with_a_secure_http_only_session_cookie()
    {
        var email = await app.AddAccountAsync(Roles.Editor);
        var client = app.Client();

        var response = await client.PostAsync("/account/login", await SignedIn.FormAsync(client, "/account/login", new() { ["Email"] = email, ["Password"] = SignedIn.Password }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("attribution.session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await HtmlPage.GetAsync(client, "/");
        Assert.Equal(email, home.Text("#signed-in-as"));

        var signOut = await client.PostAsync("/account/logout", await SignedIn.FormAsync(client, "/", []), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Null((await HtmlPage.GetAsync(client, "/")).Document.QuerySelector("#signed-in-as"));
    }

    [Fact]
    public async Task A_wrong_password_gets_the_same_message_as_an_unknown_address_and_five_lock_the_account()
    {
        var email = await app.AddAccountAsync(Roles.Editor);
        var client = app.Client();

        var unknown = await PostAsync(client, "nobody-here@example.org", "whatever password");
        Assert.Contains("e-mail address or password is not right", unknown, StringComparison.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("e-mail address or password is not right", await PostAsync(client, email, "wrong password " + i), StringComparison.Ordinal);
        }

        Assert.Contains("locked", await PostAsync(client, email, "wrong password 5"), StringComparison.Ordinal);

        // Locked: even the right password is refused until the lockout ends.
        Assert.Contains("locked", await PostAsync(client, email, SignedIn.Password), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        var email = await app.AddAccountAsync(Roles.Editor);
        var client = app.Client();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = SignedIn.Password }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> PostAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsync("/account/login", await SignedIn.FormAsync(client, "/account/login", new() { ["Email"] = email, ["Password"] = password }), TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
