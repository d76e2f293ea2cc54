using System.ComponentModel.DataAnnotations;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Data.Accounts;

/// <summary>An account to create: the e-mail address is also the user name.</summary>
public sealed record NewAccount(string Email, string? DisplayName, string Role, string Password);

/// <summary>Why a change to an account was refused, and which input it is about (one of <see cref="AccountFields"/>).</summary>
public sealed record AccountProblem(string Field, string Message);

public static class AccountFields
{
    public const string Email = nameof(NewAccount.Email);
    public const string DisplayName = nameof(NewAccount.DisplayName);
    public const string Role = nameof(NewAccount.Role);
    public const string Password = nameof(NewAccount.Password);
    public const string Account = "";
}

/// <summary>One account as a list shows it.</summary>
public sealed record AccountSummary(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockoutEnd, DateTime CreatedAt)
{
    public bool IsLockedAt(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}

/// <summary>
/// Creating, listing and changing accounts, the same way from the command line, the admin pages and the start-up
/// configuration. Every change happens whole or not at all; refusals come back as <see cref="AccountProblem"/>s.
/// </summary>
public sealed class AccountAdministration(UserManager<Account> users, AttributionDbContext db)
{
    public const int DisplayNameMaxLength = 200;

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. accounts.Select(a => new AccountSummary(a.Id, a.Email ?? "", a.DisplayName, [.. a.Roles.Order(StringComparer.Ordinal)], a.LockoutEnd, a.CreatedAt))];
    }

    public Task<Account?> FindByEmailAsync(string email) => users.FindByEmailAsync(email.Trim());

    public Task<Account?> FindByIdAsync(string id) => users.FindByIdAsync(id);

    public Task<IList<Account>> AdminsAsync() => users.GetUsersInRoleAsync(Roles.Admin);

    /// <summary>What is wrong with a new account's input, before any store is opened; empty when nothing is.</summary>
    public static IReadOnlyList<AccountProblem> Check(NewAccount input)
    {
        var email = input.Email?.Trim() ?? "";
        var problems = new List<AccountProblem>();
        if (email.Length == 0)
        {
            problems.Add(new(AccountFields.Email, "Enter the e-mail address."));
        }
        else if (!new EmailAddressAttribute().IsValid(email))
        {
            problems.Add(new(AccountFields.Email, $"\"{email}\" is not an e-mail address."));
        }

        if (input.DisplayName?.Trim().Length > DisplayNameMaxLength)
        {
            problems.Add(new(AccountFields.DisplayName, $"The display name can be at most {DisplayNameMaxLength} characters long."));
        }

        if (Roles.Parse(input.Role) is null)
        {
            problems.Add(new(AccountFields.Role, RoleProblem(input.Role)));
        }

        if (AccountOptions.PasswordProblem(input.Password) is { } passwordProblem)
        {
            problems.Add(new(AccountFields.Password, passwordProblem));
        }

        return problems;
    }

    public async Task<IReadOnlyList<AccountProblem>> AddAsync(NewAccount input, CancellationToken cancellationToken = default)
    {
        if (Check(input) is { Count: > 0 } problems)
        {
            return problems;
        }

        var email = input.Email.Trim();
        var displayName = string.IsNullOrWhiteSpace(input.DisplayName) ? null : input.DisplayName.Trim();
        var role = Roles.Parse(input.Role)!;

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = new Account { UserName = email, Email = email, DisplayName = displayName, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(account, input.Password);
        if (!created.Succeeded)
        {
            return Problems(created);
        }

        var added = await users.AddToRoleAsync(account, role);
        if (!added.Succeeded)
        {
            return Problems(added);
        }

        await tx.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Gives the account exactly this role (an account has one). The last admin cannot stop being one.</summary>
    public async Task<IReadOnlyList<AccountProblem>> SetRoleAsync(Account account, string roleName, CancellationToken cancellationToken = default)
    {
        if (Roles.Parse(roleName) is not { } role)
        {
            return [new(AccountFields.Role, RoleProblem(roleName))];
        }

        if (role != Roles.Admin && await IsLastAdminAsync(account))
        {
            return [new(AccountFields.Role, LastAdmin(account, "stop being an admin"))];
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await users.GetRolesAsync(account);
        var others = current.Where(r => r != role).ToList();
        if (others.Count > 0 && await users.RemoveFromRolesAsync(account, others) is { Succeeded: false } removed)
        {
            return Problems(removed);
        }

        if (!current.Contains(role) && await users.AddToRoleAsync(account, role) is { Succeeded: false } added)
        {
            return Problems(added);
        }

        // No new security stamp: the web app rebuilds a session's roles from the store on every request, so open
        // sessions take up the new role without signing out.
        await tx.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Locks the account until an admin unlocks it, and ends its open sessions.</summary>
    public async Task<IReadOnlyList<AccountProblem>> LockAsync(Account account, CancellationToken cancellationToken = default)
    {
        if (await IsLastAdminAsync(account))
        {
            return [new(AccountFields.Account, LastAdmin(account, "be locked"))];
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetLockoutEnabledAsync(account, true);
        await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(account);
        await tx.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Ends a lock, whether an admin's or one after too many failed sign-ins, and forgets the failures.</summary>
    public async Task UnlockAsync(Account account, CancellationToken cancellationToken = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes the account (history records the deletion and who did it); its roles go with it.</summary>
    public async Task<IReadOnlyList<AccountProblem>> DeleteAsync(Account account, CancellationToken cancellationToken = default)
    {
        if (await IsLastAdminAsync(account))
        {
            return [new(AccountFields.Account, LastAdmin(account, "be deleted"))];
        }

        var deleted = await users.DeleteAsync(account);
        return deleted.Succeeded ? [] : Problems(deleted);
    }

    public static bool IsLocked(Account account, DateTimeOffset now) => account.LockoutEnd is { } end && end > now;

    /// <summary>Whether taking this account away would leave nobody able to sign in and manage accounts.</summary>
    private async Task<bool> IsLastAdminAsync(Account account)
    {
        var now = db.Clock.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Any(a => a.Id == account.Id) && !admins.Any(a => a.Id != account.Id && !IsLocked(a, now));
    }

    private static string LastAdmin(Account account, string what) =>
        $"{account.Email} is the only admin who can sign in, so it cannot {what}: make another account an admin first.";

    private static string RoleProblem(string? role) =>
        string.IsNullOrWhiteSpace(role)
            ? $"Choose a role: {string.Join(" or ", Roles.All.Select(r => r.ToLowerInvariant()))}."
            : $"\"{role}\" is not a role: choose {string.Join(" or ", Roles.All.Select(r => r.ToLowerInvariant()))}.";

    private static List<AccountProblem> Problems(IdentityResult result) =>
    [
        .. result.Errors.Select(e => new AccountProblem(
            e.Code switch
            {
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => AccountFields.Password,
                "DuplicateUserName" or "DuplicateEmail" or "InvalidUserName" or "InvalidEmail" => AccountFields.Email,
                _ => AccountFields.Account,
            },
            e.Code is "DuplicateUserName" or "DuplicateEmail" ? "An account with this e-mail address already exists." : e.Description))
            .Distinct(),
    ];
}
