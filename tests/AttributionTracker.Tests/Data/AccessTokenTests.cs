using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Data;

public sealed class AccessTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestStore Store, string AccountId)> StoreWithAccountAsync()
    {
        var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        var account = new Account { UserName = "editor@example.org", Email = "editor@example.org", CreatedAt = DateTime.UtcNow };
        db.Users.Add(account);
        await db.SaveChangesAsync(Ct);
        return (store, account.Id);
    }

    [Fact]
    public async Task A_token_is_found_by_its_secret_which_is_not_stored_and_a_malformed_or_unknown_one_is_not()
    {
        var (store, accountId) = await StoreWithAccountAsync();
        await using var _ = store;
        await using var db = store.NewContext();
        db.ChangedBy = "editor@example.org";

        var issued = await new AccessTokens(db).IssueAsync(accountId, "  nightly import ", 30, Ct);

        Assert.Matches("^atr_[A-Za-z0-9_-]{43}$", issued.Secret);
        Assert.Equal("nightly import", issued.Token.Name);
        await using var other = store.NewContext();
        var tokens = new AccessTokens(other);
        Assert.Equal(issued.Token.Id, (await tokens.FindAsync(issued.Secret, Ct))?.Id);
        Assert.Null(await tokens.FindAsync(issued.Secret[..^1] + (issued.Secret[^1] == 'A' ? 'B' : 'A'), Ct));
        Assert.Null(await tokens.FindAsync("atr_" + new string('-', 10), Ct));
        Assert.Null(await tokens.FindAsync(null, Ct));

        var stored = await other.PersonalAccessTokens.AsNoTracking().SingleAsync(Ct);
        var history = await other.RecordChanges.AsNoTracking().Where(c => c.RecordType == nameof(PersonalAccessToken)).ToListAsync(Ct);
        Assert.DoesNotContain(issued.Secret, stored.SecretHash, StringComparison.Ordinal);
        var added = Assert.Single(history);
        Assert.Equal("editor@example.org", added.By);
        Assert.DoesNotContain(stored.SecretHash, added.After, StringComparison.Ordinal);
        Assert.Contains("nightly import", added.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        var (store, accountId) = await StoreWithAccountAsync();
        await using var _ = store;
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        await using (var db = store.NewContext())
        {
            await new AccessTokens(db).IssueAsync(accountId, "script", null, Ct);
        }

        async Task<DateTime?> UseAtAsync(int seconds)
        {
            clock.Now = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero).AddSeconds(seconds);
            await using var db = store.NewContext();
            db.Clock = clock;
            var tokens = new AccessTokens(db);
            await tokens.TouchAsync(await db.PersonalAccessTokens.AsNoTracking().SingleAsync(Ct), Ct);
            return await db.PersonalAccessTokens.AsNoTracking().Select(t => t.LastUsedAt).SingleAsync(Ct);
        }

        var first = await UseAtAsync(0);
        var soon = await UseAtAsync(59);
        var later = await UseAtAsync(61);

        Assert.Equal(new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), first);
        Assert.Equal(first, soon);
        Assert.Equal(new DateTime(2026, 11, 29, 10, 1, 1, DateTimeKind.Utc), later);
    }

    [Fact]
    public async Task Revoking_marks_who_and_when_only_for_the_owner_and_revoking_again_keeps_the_first_record()
    {
        var (store, accountId) = await StoreWithAccountAsync();
        await using var _ = store;
        await using var db = store.NewContext();
        var tokens = new AccessTokens(db);
        var issued = await tokens.IssueAsync(accountId, "script", null, Ct);

        Assert.False(await tokens.RevokeAsync(issued.Token.Id, "someone-else", "intruder@example.org", Ct));
        Assert.True(await tokens.RevokeAsync(issued.Token.Id, accountId, "editor@example.org", Ct));
        Assert.True(await tokens.RevokeAsync(issued.Token.Id, null, "admin@example.org", Ct));

        var found = await tokens.FindAsync(issued.Secret, Ct);
        Assert.Equal("editor@example.org", found?.RevokedBy);
        Assert.False(found!.IsActiveAt(DateTime.UtcNow));
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
