using Microsoft.AspNetCore.Identity;

namespace AttributionTracker.Domain;

/// <summary>
/// An editor's or admin's sign-in, kept by ASP.NET Core Identity in the same store. Readers and analysts need none.
/// The user name is the e-mail address; <see cref="DisplayName"/> is what history shows beside each change.
/// </summary>
public sealed class Account : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The roles an account can have. Editors change records; admins also manage accounts and may hard-delete.</summary>
public static class Roles
{
    public const string Editor = "Editor";

    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Editor, Admin];

    /// <summary>"editor" or "Admin" → the canonical role name, or null for anything else.</summary>
    public static string? Parse(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
