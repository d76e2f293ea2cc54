using System.Text.Json;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Data;

/// <summary>Every change to a record is written beside it, in the same transaction: who, when, before and after.</summary>
public sealed class HistoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Correcting_a_statement_records_who_changed_what_from_what_to_what()
    {
        await using var store = await TestStore.CreateAsync();
        var id = await AddStatementAsync(store);

        await using (var db = store.NewContext())
        {
            db.ChangedBy = "ana@example.org";
            var statement = await db.Statements.SingleAsync(s => s.Id == id, Ct);
            statement.Confidence = new Confidence(ConfidenceLevel.AlmostCertain, "almost certainly");
            statement.Quote = "Corrected quote";
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = store.NewContext())
        {
            var change = await db.RecordChanges.SingleAsync(c => c.OwnerType == nameof(AttributionStatement) && c.OwnerId == id && c.Action == ChangeAction.Modified, Ct);
            Assert.Equal("ana@example.org", change.By);
            var before = JsonDocument.Parse(change.Before!).RootElement;
            var after = JsonDocument.Parse(change.After!).RootElement;
            Assert.Equal("HighlyLikely", before.GetProperty("Confidence.Level").GetString());
            Assert.Equal("AlmostCertain", after.GetProperty("Confidence.Level").GetString());
            Assert.Equal("Original quote", before.GetProperty("Quote").GetString());
            Assert.Equal("Corrected quote", after.GetProperty("Quote").GetString());

            // Only what changed is in a modification, so the history reads as a list of corrections.
            Assert.False(before.TryGetProperty("Kind", out _));
        }
    }

    [Fact]
    public async Task Adding_an_alias_is_part_of_the_actor_s_history_and_a_deleted_record_keeps_its_last_values()
    {
        await using var store = await TestStore.CreateAsync();
        int actorId;
        await using (var db = store.NewContext())
        {
            db.ChangedBy = "ana@example.org";
            var actor = new Actor { Name = "Test Panda", Slug = Slug.From("Test Panda"), Kind = ActorKind.Group };
            db.Actors.Add(actor);
            await db.SaveChangesAsync(Ct);
            actorId = actor.Id;
            actor.Aliases.Add(new ActorAlias { Name = "Panda de prueba", Key = TextFolding.Key("Panda de prueba"), Language = "es", Origin = "editor" });
            await db.SaveChangesAsync(Ct);
            db.Actors.Remove(actor);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = store.NewContext())
        {
            var history = await db.RecordChanges.Where(c => c.OwnerType == nameof(Actor) && c.OwnerId == actorId).OrderBy(c => c.Id).ToListAsync(Ct);
            Assert.Contains(history, c => c.RecordType == nameof(Actor) && c.Action == ChangeAction.Added && c.After!.Contains("Test Panda", StringComparison.Ordinal));
            Assert.Contains(history, c => c.RecordType == nameof(ActorAlias) && c.Action == ChangeAction.Added && c.After!.Contains("Panda de prueba", StringComparison.Ordinal));
            var deleted = Assert.Single(history, c => c.RecordType == nameof(Actor) && c.Action == ChangeAction.Deleted);
            Assert.Contains("Test Panda", deleted.Before, StringComparison.Ordinal);
            Assert.Null(deleted.After);
        }
    }

    [Fact]
    public async Task A_save_that_fails_leaves_no_history_behind()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var db = store.NewContext())
        {
            db.Actors.Add(new Actor { Name = "One", Slug = Slug.From("same"), Kind = ActorKind.Group });
            await db.SaveChangesAsync(Ct);
        }

        var before = await CountAsync(store);
        await using (var db = store.NewContext())
        {
            db.Actors.Add(new Actor { Name = "Two", Slug = Slug.From("same"), Kind = ActorKind.Group });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        Assert.Equal(before, await CountAsync(store));
    }

    [Fact]
    public async Task An_account_s_history_never_holds_its_password_hash()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var db = store.NewContext())
        {
            db.Users.Add(new Account { UserName = "ana@example.org", Email = "ana@example.org", PasswordHash = "SECRET-HASH", SecurityStamp = "STAMP" });
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = store.NewContext())
        {
            var change = await db.RecordChanges.SingleAsync(c => c.RecordType == nameof(Account), Ct);
            Assert.Contains("ana@example.org", change.After, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET-HASH", change.After, StringComparison.Ordinal);
            Assert.DoesNotContain("STAMP", change.After, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reference_loads_are_recorded_per_file_while_an_import_is_recorded_per_record()
    {
        await using var store = await TestStore.CreateAsync();
        await store.LoadReferenceDataAsync();
        Assert.Equal(0, await CountAsync(store));

        await AddStatementAsync(store);

        await using var db = store.NewContext();
        Assert.Contains(await db.RecordChanges.Select(c => c.RecordType).Distinct().ToListAsync(Ct), t => t == nameof(AttributionStatement));
    }

    [Fact]
    public async Task A_statement_s_parties_belong_to_its_history_and_a_missing_date_is_recorded_as_none()
    {
        await using var store = await TestStore.CreateAsync();
        int statementId;
        await using (var db = store.NewContext())
        {
            var party = new Party { Name = "Test Government", Slug = Slug.From("Test Government"), Kind = PartyKind.Government };
            var statement = new AttributionStatement { Kind = StatementKind.Attribution, Quote = "Undated" };
            statement.Parties.Add(new StatementParty { Party = party, Position = 0 });
            db.Statements.Add(statement);
            await db.SaveChangesAsync(Ct);
            statementId = statement.Id;
        }

        await using (var db = store.NewContext())
        {
            var history = await db.RecordChanges.Where(c => c.OwnerType == nameof(AttributionStatement) && c.OwnerId == statementId).ToListAsync(Ct);
            Assert.Contains(history, c => c.RecordType == nameof(StatementParty));
            var added = Assert.Single(history, c => c.RecordType == nameof(AttributionStatement));
            var after = JsonDocument.Parse(added.After!).RootElement;
            Assert.Equal(JsonValueKind.Null, after.GetProperty("Date.Start").ValueKind);
            Assert.Equal(JsonValueKind.Null, after.GetProperty("Date.Precision").ValueKind);
        }
    }

    private static async Task<int> CountAsync(TestStore store)
    {
        await using var db = store.NewContext();
        return await db.RecordChanges.CountAsync(Ct);
    }

    private static async Task<int> AddStatementAsync(TestStore store)
    {
        await using var db = store.NewContext();
        db.ChangedBy = "import";
        var statement = new AttributionStatement
        {
            Kind = StatementKind.Attribution,
            Confidence = new Confidence(ConfidenceLevel.HighlyLikely, "highly likely"),
            Date = PartialDate.OfDay(2021, 7, 19),
            Quote = "Original quote",
        };
        db.Statements.Add(statement);
        await db.SaveChangesAsync(Ct);
        return statement.Id;
    }
}
