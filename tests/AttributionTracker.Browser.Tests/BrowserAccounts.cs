using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Browser.Tests;

/// <summary>Accounts for browser tests that sign in through the real form, made as the command line makes them.</summary>
public static class BrowserAccounts
{
    public const string Password = "correct horse battery staple";

    /// <returns>The new account's e-mail address (its user name).</returns>
    public static async Task<string> AddAccountAsync(this BrowserFixture browser, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using var scope = browser.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var account = new Account { UserName = email, Email = email, CreatedAt = DateTime.UtcNow };
        Check(await accounts.CreateAsync(account, Password));
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }

        Check(await accounts.AddToRoleAsync(account, role));
        return email;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
