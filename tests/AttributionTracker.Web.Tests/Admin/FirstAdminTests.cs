using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AttributionTracker.Web.Tests.Admin;

/// <summary>The first admin from configuration (e.g. Accounts__FirstAdmin__Email and __Password in the environment).</summary>
public sealed class FirstAdminTests
{
    private const string Password = "first admin passphrase";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_configured_first_admin_is_created_at_start_and_signs_in_and_the_log_never_holds_the_password()
    {
        await using var store = new AttributionWebFactory();
        await using var app = store.WithWebHostBuilder(web => web
            .UseSetting("Accounts:FirstAdmin:Email", "first.admin@example.org")
            .UseSetting("Accounts:FirstAdmin:Password", Password));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var signIn = await client.PostAsync("/account/login", await SignedIn.FormAsync(client, "/account/login", new() { ["Email"] = "first.admin@example.org", ["Password"] = Password }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/accounts", Ct)).StatusCode);
        var logs = string.Join("\n", Directory.GetFiles(Path.Combine(store.DataFolder, "logs")).Select(f => ReadShared(f)));
        Assert.Contains("Created the first admin first.admin@example.org", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_password_that_is_too_short_stops_the_start_with_a_clear_message()
    {
        await using var store = new AttributionWebFactory();
        await using var app = store.WithWebHostBuilder(web => web
            .UseSetting("Accounts:FirstAdmin:Email", "first.admin@example.org")
            .UseSetting("Accounts:FirstAdmin:Password", "too short"));

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Equal(
            "The first admin in Accounts:FirstAdmin cannot be created: Accounts:FirstAdmin:Password: The password must be at least 12 characters long (it has 9).",
            error.Message);
    }

    /// <summary>The log file is still open for writing by the app.</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
