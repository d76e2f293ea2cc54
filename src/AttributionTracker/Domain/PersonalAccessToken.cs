namespace AttributionTracker.Domain;

/// <summary>
/// A secret an editor makes on their account page so a script can write through the JSON API as them. Only the
/// SHA-256 hash of the secret is stored: a copy of the store does not hand out working tokens. The token acts with
/// whatever role its owner has at the moment of each request, never more.
/// </summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }

    public required string AccountId { get; set; }

    public Account? Account { get; set; }

    /// <summary>What the owner called it ("nightly import"), to tell their tokens apart.</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret (<c>atr_…</c>).</summary>
    public required string SecretHash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Kept to the minute: a busy script does not write on every request.</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>Who revoked it: the owner, or the admin who did.</summary>
    public string? RevokedBy { get; set; }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
