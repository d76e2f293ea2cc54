using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

/// <summary>Accounts made on the app under test as the command line makes them, for web and browser tests to sign in with.</summary>
public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>A new account with the role (null: no role at all); returns its e-mail address, which is its user name.</summary>
    public static async Task<string> AddAccountAsync(this IServiceProvider services, string? role, string? email = null)
    {
        email ??= $"{role?.ToLowerInvariant() ?? "nobody"}-{Guid.NewGuid():N}@example.org";
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var account = new Account { UserName = email, Email = email, CreatedAt = DateTime.UtcNow };
        Check(await accounts.CreateAsync(account, Password));
        if (role is not null)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }

            Check(await accounts.AddToRoleAsync(account, role));
        }

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
