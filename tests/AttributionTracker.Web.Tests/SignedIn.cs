using AngleSharp.Html.Parser;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

/// <summary>Accounts and signed-in clients for tests, through the real sign-in form (antiforgery token and all).</summary>
public static class SignedIn
{
    public const string Password = TestAccounts.Password;

    /// <summary>An account with the role (null: no role at all), made as the command line makes one.</summary>
    public static Task<string> AddAccountAsync(this AttributionWebFactory app, string? role, string? email = null) =>
        app.Services.AddAccountAsync(role, email);

    /// <summary>A client over https (the session cookie is Secure) that does not follow redirects, so tests see them.</summary>
    public static HttpClient Client(this AttributionWebFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    /// <summary>A client signed in through the sign-in page as a new account with the role.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this AttributionWebFactory app, string? role)
    {
        var email = await app.AddAccountAsync(role);
        var client = app.Client();
        var response = await client.PostAsync("/account/login", await FormAsync(client, "/account/login", new() { ["Email"] = email, ["Password"] = Password }), TestContext.Current.CancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>The form fields of the page's first form with an antiforgery token, with the given values filled in.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var html = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        var document = new HtmlParser().ParseDocument(html);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token");
        return new FormUrlEncodedContent(values.Append(new("__RequestVerificationToken", token)));
    }
}
