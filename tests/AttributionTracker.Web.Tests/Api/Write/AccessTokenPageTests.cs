using System.Net;
using AngleSharp;
using AngleSharp.Html.Parser;
using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
using AttributionTracker.Web.Tests.Statements;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Tests.Api.Write;

/// <summary>Tokens made, shown once, listed and revoked on the account page, as an editor does it in a browser.</summary>
[Collection(nameof(WriteApiCollection))]
public sealed class AccessTokenPageTests(WriteApiApp fixture)
{
    private readonly AttributionWebFactory app = fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object NewParty() => new { name = $"Test office {Guid.NewGuid():N}"[..23], kind = "Agency" };

    private static async Task<HtmlPage> PostAsync(HttpClient client, string handler, Dictionary<string, string> values)
    {
        var form = await SignedIn.FormAsync(client, "/account", values);
        using var response = await client.PostAsync($"/account?handler={handler}", form, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var document = await AngleSharp.BrowsingContext.New(AngleSharp.Configuration.Default).OpenAsync(r => r.Content(html), Ct);
        return new HtmlPage(response.StatusCode, document);
    }

    [Fact]
    public async Task An_editor_makes_a_token_sees_it_once_uses_it_and_revokes_it()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);

        var made = await PostAsync(client, "CreateToken", new() { ["Token.Name"] = "nightly import", ["Token.ExpiresInDays"] = "30" });

        Assert.Equal(HttpStatusCode.OK, made.Status);
        var secret = made.Text("#new-token");
        Assert.StartsWith("atr_", secret, StringComparison.Ordinal);
        Assert.True(AccessTokenSecret.IsWellFormed(secret));

        // Only the hash is stored; the page never shows the secret again.
        var stored = await app.QueryAsync(db => db.PersonalAccessTokens.AsNoTracking().Where(t => t.Name == "nightly import").ToListAsync(Ct));
        var token = Assert.Single(stored, t => t.SecretHash == AccessTokenSecret.Hash(secret));
        Assert.DoesNotContain(stored, t => t.SecretHash.Contains(secret[4..], StringComparison.Ordinal));
        Assert.Equal(30, (int)Math.Round((token.ExpiresAt!.Value - token.CreatedAt).TotalDays));
        var later = await HtmlPage.GetAsync(client, "/account");
        Assert.DoesNotContain(secret, later.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("nightly import", later.Text("#token-list"), StringComparison.Ordinal);
        Assert.Contains("never", later.Text("#token-list [data-token='nightly import']"), StringComparison.Ordinal);

        using var used = await app.BearerClient(secret).PostJsonAsync("/api/v1/parties", NewParty());
        Assert.Equal(HttpStatusCode.Created, used.StatusCode);
        Assert.DoesNotContain("never", (await HtmlPage.GetAsync(client, "/account")).Text("#token-list [data-token='nightly import'] td:nth-child(3)"), StringComparison.Ordinal);

        var revokeForm = new HtmlParser().ParseDocument(await client.GetStringAsync("/account", Ct)).QuerySelector("#token-list [data-token='nightly import'] form")!;
        var revoked = await client.PostAsync(revokeForm.GetAttribute("action"), await SignedIn.FormAsync(client, "/account", []), Ct);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("revoked", (await HtmlPage.GetAsync(client, "/account")).Text("#token-list [data-token='nightly import'] .token-state"), StringComparison.Ordinal);

        using var refused = await app.BearerClient(secret).PostJsonAsync("/api/v1/parties", NewParty());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_name_or_with_a_wrong_expiry_is_refused_beside_its_fields()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var before = await app.QueryAsync(db => db.PersonalAccessTokens.CountAsync(Ct));

        var page = await PostAsync(client, "CreateToken", new() { ["Token.Name"] = " ", ["Token.ExpiresInDays"] = "9999" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("#new-token"));
        Assert.Contains("Name the token", page.ErrorFor("Token.Name"), StringComparison.Ordinal);
        Assert.Contains("Between 1 and 366 days", page.ErrorFor("Token.ExpiresInDays"), StringComparison.Ordinal);
        Assert.Null(page.ErrorFor("Input.CurrentPassword"));
        Assert.Equal(before, await app.QueryAsync(db => db.PersonalAccessTokens.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_account_without_a_role_is_offered_no_tokens_and_cannot_make_one()
    {
        var client = await app.SignedInClientAsync(role: null);
        var before = await app.QueryAsync(db => db.PersonalAccessTokens.CountAsync(Ct));

        var page = await HtmlPage.GetAsync(client, "/account");
        var made = await PostAsync(client, "CreateToken", new() { ["Token.Name"] = "sneaky" });

        Assert.Null(page.Document.QuerySelector("#create-token"));
        Assert.Equal(HttpStatusCode.Forbidden, made.Status);
        Assert.Equal(before, await app.QueryAsync(db => db.PersonalAccessTokens.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_admin_revokes_every_token_of_an_account_from_the_accounts_page()
    {
        var first = await app.TokenHolderAsync(Roles.Editor);
        var accountId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == first.Email).Select(u => u.Id).SingleAsync(Ct));
        var admin = await app.SignedInClientAsync(Roles.Admin);

        var form = new HtmlParser().ParseDocument(await admin.GetStringAsync("/admin/accounts", Ct)).QuerySelector($"tr[data-account='{first.Email}'] form[action*='RevokeTokens']")!;
        using var response = await admin.PostAsync(form.GetAttribute("action"), await SignedIn.FormAsync(admin, "/admin/accounts", []), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var refused = await app.BearerClient(first.Secret).PostJsonAsync("/api/v1/parties", NewParty());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var revokedBy = await app.QueryAsync(db => db.PersonalAccessTokens.Where(t => t.AccountId == accountId).Select(t => t.RevokedBy).SingleAsync(Ct));
        Assert.StartsWith("admin-", revokedBy, StringComparison.Ordinal);
    }
}
