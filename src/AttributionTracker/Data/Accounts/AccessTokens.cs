using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Data.Accounts;

/// <summary>A new token and its secret, which is shown once and never stored.</summary>
public sealed record IssuedToken(PersonalAccessToken Token, string Secret);

/// <summary>Making, listing, finding and revoking personal access tokens.</summary>
public sealed class AccessTokens(AttributionDbContext db)
{
    public const int MaxNameLength = 100;

    public const int MaxDays = 366;

    /// <summary>The owner's own check: at most this often is "last used" written, so reads stay reads.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<IssuedToken> IssueAsync(string accountId, string name, int? days, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var secret = AccessTokenSecret.New();
        var token = new PersonalAccessToken
        {
            AccountId = accountId,
            Name = name.Trim(),
            SecretHash = AccessTokenSecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = days is { } d ? now.AddDays(d) : null,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(token, secret);
    }

    public Task<List<PersonalAccessToken>> ListAsync(string accountId, CancellationToken ct) =>
        db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.AccountId == accountId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ToListAsync(ct);

    /// <summary>The token with this secret, revoked or expired or not; null for a malformed or unknown one.</summary>
    public async Task<PersonalAccessToken?> FindAsync(string? secret, CancellationToken ct)
    {
        if (!AccessTokenSecret.IsWellFormed(secret))
        {
            return null;
        }

        var hash = AccessTokenSecret.Hash(secret!);
        return await db.PersonalAccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, ct);
    }

    /// <summary>Notes a use, unless one was noted within the last minute; not a change to any record, so no history.</summary>
    public async Task TouchAsync(PersonalAccessToken token, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is { } last && now - last < LastUsedResolution)
        {
            return;
        }

        var since = now - LastUsedResolution;
        await db.PersonalAccessTokens
            .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < since))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
    }

    /// <summary>
    /// Revokes the token if it belongs to <paramref name="accountId"/> (null: any account, for admins); false when
    /// there is no such token. Revoking twice is not an error: it stays revoked as first recorded.
    /// </summary>
    public async Task<bool> RevokeAsync(int id, string? accountId, string by, CancellationToken ct)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && (accountId == null || t.AccountId == accountId), ct);
        if (token is null)
        {
            return false;
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = db.Clock.GetUtcNow().UtcDateTime;
            token.RevokedBy = by;
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    /// <summary>Revokes every active token of an account (an admin's "revoke all"); how many were revoked.</summary>
    public async Task<int> RevokeAllAsync(string accountId, string by, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var tokens = await db.PersonalAccessTokens.Where(t => t.AccountId == accountId && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
            token.RevokedBy = by;
        }

        await db.SaveChangesAsync(ct);
        return tokens.Count;
    }
}
