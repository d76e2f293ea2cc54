using Microsoft.AspNetCore.Identity;

namespace AttributionTracker.Data.Accounts;

/// <summary>
/// The Identity rules every way in shares — the web app's sign-in and admin pages, the command line's
/// <c>users</c> commands, the first admin from configuration — so a password one refuses the others refuse too.
/// </summary>
public static class AccountOptions
{
    /// <summary>Length is what makes a password strong; composition rules only make people write them down.</summary>
    public const int MinimumPasswordLength = 12;

    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions identity)
    {
        identity.User.RequireUniqueEmail = true;
        identity.Password.RequiredLength = MinimumPasswordLength;
        identity.Password.RequireNonAlphanumeric = false;
        identity.Password.RequireUppercase = false;
        identity.Password.RequireLowercase = false;
        identity.Password.RequireDigit = false;
        identity.Password.RequiredUniqueChars = 1;
        identity.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        identity.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        identity.Lockout.AllowedForNewUsers = true;
        identity.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>Why a password cannot be used, or null when it can: the message the CLI and the pages show.</summary>
    public static string? PasswordProblem(string? password) =>
        string.IsNullOrEmpty(password) ? "The password is empty."
        : password.Length < MinimumPasswordLength ? $"The password must be at least {MinimumPasswordLength} characters long (it has {password.Length})."
        : null;
}
