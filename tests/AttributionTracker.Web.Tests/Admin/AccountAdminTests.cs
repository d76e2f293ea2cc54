using System.Net;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Admin;

/// <summary>What an admin does on the accounts pages, and what the affected account then notices.</summary>
public sealed class AccountAdminTests(AttributionWebFactory app)
{
    private const string NewPassword = "a brand new passphrase";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_adds_an_editor_who_can_then_sign_in_and_is_listed_with_the_role()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var email = $"new-editor-{Guid.NewGuid():N}@example.org";

        var response = await admin.PostAsync("/admin/accounts/new", await SignedIn.FormAsync(admin, "/admin/accounts/new", new()
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Nia Editor", ["Input.Role"] = Roles.Editor, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await HtmlPage.GetAsync(admin, "/admin/accounts");
        Assert.Contains("Added editor " + email, list.Text("[role=status]"), StringComparison.Ordinal);
        var row = list.Document.QuerySelector($"tr[data-account='{email}']")!;
        Assert.Equal(Roles.Editor, row.QuerySelector("option[selected]")!.TextContent);
        Assert.Contains("Nia Editor", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(email, NewPassword));
    }

    [Theory]
    [InlineData("short", "short", "Input.Password", "at least 12 characters")]
    [InlineData(NewPassword, "a different passphrase", "Input.ConfirmPassword", "The two passwords differ.")]
    public async Task A_bad_initial_password_is_refused_beside_the_field_and_nothing_is_created(string password, string again, string field, string message)
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var email = $"refused-{Guid.NewGuid():N}@example.org";

        var response = await admin.PostAsync("/admin/accounts/new", await SignedIn.FormAsync(admin, "/admin/accounts/new", new()
        {
            ["Input.Email"] = email, ["Input.Role"] = Roles.Editor, ["Input.Password"] = password, ["Input.ConfirmPassword"] = again,
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.False(await AccountExistsAsync(email));
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_refused_beside_the_field()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var existing = await app.AddAccountAsync(Roles.Editor);

        var response = await admin.PostAsync("/admin/accounts/new", await SignedIn.FormAsync(admin, "/admin/accounts/new", new()
        {
            ["Input.Email"] = existing, ["Input.Role"] = Roles.Admin, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("An account with this e-mail address already exists.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(existing, SignedIn.Password));
    }

    [Fact]
    public async Task Making_an_editor_admin_takes_effect_in_their_open_session()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var (editor, email) = await SignedInAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/accounts", Ct)).StatusCode);

        await PostOnListAsync(admin, email, "SetRole", new() { ["role"] = Roles.Admin });

        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/accounts", Ct)).StatusCode);
        Assert.Contains((await HtmlPage.GetAsync(editor, "/")).Document.QuerySelectorAll("nav a"), a => a.TextContent == "Accounts");
    }

    [Fact]
    public async Task A_locked_account_is_signed_out_at_once_and_cannot_sign_in_until_unlocked()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var (editor, email) = await SignedInAsync(Roles.Editor);

        await PostOnListAsync(admin, email, "Lock", []);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/account", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, await SignInAsync(email, SignedIn.Password));
        var list = await HtmlPage.GetAsync(admin, "/admin/accounts");
        Assert.Equal("Locked by an admin", list.Document.QuerySelector($"tr[data-account='{email}'] .lock-state")!.TextContent.Trim());

        await PostOnListAsync(admin, email, "Unlock", []);

        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(email, SignedIn.Password));
    }

    [Fact]
    public async Task Deleting_an_account_is_recorded_in_history_under_the_admins_name()
    {
        var (admin, adminEmail) = await SignedInAsync(Roles.Admin);
        var email = await app.AddAccountAsync(Roles.Editor);
        var id = await IdOfAsync(email);

        var response = await admin.PostAsync($"/admin/accounts/{id}/delete", await SignedIn.FormAsync(admin, $"/admin/accounts/{id}/delete", []), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await AccountExistsAsync(email));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AttributionDbContext>();
        var deletion = await db.RecordChanges.SingleAsync(c => c.RecordType == nameof(Account) && c.RecordKey == id && c.Action == ChangeAction.Deleted, Ct);
        Assert.Equal(adminEmail, deletion.By);
        Assert.Contains(email, deletion.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_lock_or_delete_their_own_account()
    {
        var (admin, email) = await SignedInAsync(Roles.Admin);
        var id = await IdOfAsync(email);

        var lockResponse = await admin.PostAsync($"/admin/accounts?handler=Lock&id={id}", await SignedIn.FormAsync(admin, "/admin/accounts", []), Ct);
        var deleteResponse = await admin.PostAsync($"/admin/accounts/{id}/delete", await SignedIn.FormAsync(admin, $"/admin/accounts/{id}/delete", []), Ct);

        Assert.Contains("You cannot lock your own account", await lockResponse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("You cannot delete your own account", await deleteResponse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await AccountExistsAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_admins_see_the_accounts_link()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var editor = await app.SignedInClientAsync(Roles.Editor);

        Assert.Contains((await HtmlPage.GetAsync(admin, "/")).Document.QuerySelectorAll("nav a"), a => a.TextContent == "Accounts" && a.GetAttribute("href") == "/admin/accounts");
        Assert.DoesNotContain((await HtmlPage.GetAsync(editor, "/")).Document.QuerySelectorAll("nav a"), a => a.TextContent == "Accounts");
    }

    [Fact]
    public async Task Anyone_signed_in_changes_their_own_password_on_their_account_page()
    {
        var (client, email) = await SignedInAsync(null);

        var wrong = await client.PostAsync("/account", await SignedIn.FormAsync(client, "/account", new()
        {
            ["Input.CurrentPassword"] = "not my password", ["Input.NewPassword"] = NewPassword, ["Input.ConfirmNewPassword"] = NewPassword,
        }), Ct);
        Assert.Contains("That is not your current password.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var changed = await client.PostAsync("/account", await SignedIn.FormAsync(client, "/account", new()
        {
            ["Input.CurrentPassword"] = SignedIn.Password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmNewPassword"] = NewPassword,
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Your password is changed.", (await HtmlPage.GetAsync(client, "/account")).Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(email, NewPassword));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(email, SignedIn.Password));
    }

    private async Task<(HttpClient Client, string Email)> SignedInAsync(string? role)
    {
        var email = await app.AddAccountAsync(role);
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/account/login", await SignedIn.FormAsync(client, "/account/login", new() { ["Email"] = email, ["Password"] = SignedIn.Password }), Ct)).StatusCode);
        return (client, email);
    }

    private async Task<HttpStatusCode> SignInAsync(string email, string password)
    {
        var client = app.Client();
        var response = await client.PostAsync("/account/login", await SignedIn.FormAsync(client, "/account/login", new() { ["Email"] = email, ["Password"] = password }), Ct);
        return response.StatusCode;
    }

    private async Task PostOnListAsync(HttpClient admin, string email, string handler, Dictionary<string, string> values)
    {
        var id = await IdOfAsync(email);
        var response = await admin.PostAsync($"/admin/accounts?handler={handler}&id={id}", await SignedIn.FormAsync(admin, "/admin/accounts", values), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AttributionDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<bool> AccountExistsAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Data.AttributionDbContext>().Users.AnyAsync(u => u.Email == email, Ct);
    }
}
