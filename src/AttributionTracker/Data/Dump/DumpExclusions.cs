namespace AttributionTracker.Data.Dump;

/// <summary>
/// What a dump deliberately leaves out, and why: secrets that must not travel in a file people copy around. Everything
/// else in the model is dumped, so a table added later travels without anyone remembering to list it.
/// </summary>
public static class DumpExclusions
{
    /// <summary>
    /// Tables never dumped, matched on a name fragment so that a table of that kind added later is caught too.
    /// AspNetUserLogins and the claims tables are dumped: a provider key names an account at a provider, it does not
    /// let anyone in (and history already records it).
    /// </summary>
    public static IReadOnlyList<(string NameContains, string Reason)> Tables { get; } =
    [
        ("AspNetUserTokens", "authenticator keys, recovery codes and reset tokens are secrets; they are made anew after a restore"),
        ("PersonalAccessToken", "API tokens are credentials; issue new ones after a restore"),
    ];

    /// <summary>Columns never dumped. A required one is filled afresh on restore (see <see cref="FreshValue"/>).</summary>
    public static IReadOnlyList<(string Table, string Column, string Reason)> Columns { get; } =
    [
        ("AspNetUsers", "PasswordHash", "a password hash is a secret (and crackable offline); restored accounts get a password with `users set-password`"),
        ("AspNetUsers", "SecurityStamp", "signs sessions and tokens; a fresh stamp is made on restore, which also ends every old session"),
    ];

    public static string? TableReason(string table) =>
        Tables.FirstOrDefault(t => table.Contains(t.NameContains, StringComparison.OrdinalIgnoreCase)).Reason;

    public static string? ColumnReason(string table, string column) =>
        Columns.FirstOrDefault(c => c.Table == table && c.Column == column).Reason;

    /// <summary>The value an excluded column takes in a restored row.</summary>
    public static object? FreshValue(string table, string column) =>
        (table, column) == ("AspNetUsers", "SecurityStamp") ? Guid.NewGuid().ToString("N").ToUpperInvariant() : null;
}
