using System.Text.Json.Nodes;
using AttributionTracker.Data.Dump;
using AttributionTracker.Search;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Data.Dump;

public sealed class DumpRestoreTests(SeededStore seeded) : IClassFixture<SeededStore>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_store_dumped_restored_into_an_empty_store_and_dumped_again_gives_the_same_dump()
    {
        await using var restored = await SeededStore.RestoredAsync(seeded.Dump);

        var again = await SeededStore.DumpOfAsync(restored);

        Assert.Equal(seeded.DumpText, System.Text.Encoding.UTF8.GetString(again));
    }

    [Fact]
    public async Task The_restored_store_holds_every_row_as_stored_ids_stamps_versions_and_history_included()
    {
        await using var restored = await SeededStore.RestoredAsync(seeded.Dump);
        await using var source = seeded.Store.NewContext();
        await using var copy = restored.NewContext();

        foreach (var table in DumpPlan.For(source).Tables)
        {
            // The values exactly as the database holds them (text, integers), not as read back: a date written in another
            // text form would sort differently in SQL while reading back the same.
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            var order = string.Join(", ", table.Key.Select(k => $"\"{k}\""));
            var sql = $"SELECT {columns} FROM \"{table.Name}\" ORDER BY {order}";
            Assert.Equal(await RawRowsAsync(source, sql), await RawRowsAsync(copy, sql));
        }

        Assert.True(await copy.RecordChanges.CountAsync(Ct) > 0);
        Assert.Equal(await source.RecordChanges.CountAsync(Ct), await copy.RecordChanges.CountAsync(Ct));
    }

    [Fact]
    public async Task The_search_finds_the_same_things_in_the_restored_store()
    {
        await using var restored = await SeededStore.RestoredAsync(seeded.Dump);
        await using var source = seeded.Store.NewContext();
        await using var copy = restored.NewContext();

        foreach (var query in new[] { "hafnio", "Finlandia", "Microsoft", "Exchange", "GCHQ", "APT28" })
        {
            var expected = await TestStore.SearchIndex(source).SearchAsync(new SearchRequest(query, Take: 100), Ct);
            var actual = await TestStore.SearchIndex(copy).SearchAsync(new SearchRequest(query, Take: 100), Ct);
            Assert.NotEmpty(expected.Hits);
            Assert.Equal(expected.Hits.Select(h => (h.Kind, h.Id, h.Snippet.PlainText)), actual.Hits.Select(h => (h.Kind, h.Id, h.Snippet.PlainText)));
        }
    }

    [Fact]
    public async Task Accounts_travel_with_their_name_roles_and_lockout_but_without_password_or_security_stamp()
    {
        await using var restored = await SeededStore.RestoredAsync(seeded.Dump);
        await using var copy = restored.NewContext();

        var ana = await copy.Users.SingleAsync(u => u.Email == "ana@example.org", Ct);
        Assert.Equal(("Ana Ruiz", "ANA@EXAMPLE.ORG", 2, new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)), (ana.DisplayName, ana.NormalizedUserName, ana.AccessFailedCount, ana.LockoutEnd));
        Assert.Equal(new DateTime(2026, 11, 1, 9, 30, 0), ana.CreatedAt);
        Assert.Null(ana.PasswordHash);
        Assert.False(string.IsNullOrEmpty(ana.SecurityStamp));
        Assert.NotEqual(SeededStore.SecurityStamp, ana.SecurityStamp);
        Assert.Equal(["Editor"], await copy.UserRoles.Where(r => r.UserId == ana.Id).Join(copy.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Ct));
        Assert.Empty(await copy.UserTokens.ToListAsync(Ct));
        Assert.Equal("Example", (await copy.UserLogins.SingleAsync(Ct)).LoginProvider);
    }

    [Fact]
    public void The_dump_holds_no_secret()
    {
        Assert.DoesNotContain(SeededStore.PasswordHash, seeded.DumpText);
        Assert.DoesNotContain(SeededStore.SecurityStamp, seeded.DumpText);
        Assert.DoesNotContain(SeededStore.TokenValue, seeded.DumpText);
        Assert.Contains("ana@example.org", seeded.DumpText);
    }

    [Fact]
    public async Task Every_table_of_the_model_is_in_the_dump_with_all_its_rows_unless_excluded_for_a_stated_reason()
    {
        await using var db = seeded.Store.NewContext();
        var dump = JsonNode.Parse(seeded.Dump)!;
        var dumped = dump["tables"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => t!["rows"]!.AsArray());

        var problems = new List<string>();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var count = await CountAsync(db, table.Name);
            if (DumpExclusions.TableReason(table.Name) is { } reason)
            {
                if (dumped.ContainsKey(table.Name))
                {
                    problems.Add($"{table.Name} is excluded ({reason}) but dumped");
                }
            }
            else if (!dumped.TryGetValue(table.Name, out var rows))
            {
                problems.Add($"{table.Name} is neither dumped nor excluded with a reason");
            }
            else if (rows.Count != count)
            {
                problems.Add($"{table.Name}: {count} rows stored, {rows.Count} dumped");
            }
            else if (rows.Count > 0)
            {
                var missing = table.Columns.Select(c => c.Name).Where(c => DumpExclusions.ColumnReason(table.Name, c) is null && !rows[0]!.AsObject().ContainsKey(c));
                problems.AddRange(missing.Select(c => $"{table.Name}.{c} is neither dumped nor excluded with a reason"));
            }
        }

        // An exclusion naming a column the model no longer has protects nothing: it is a typo or a leftover.
        foreach (var (table, column, _) in DumpExclusions.Columns)
        {
            if (db.Model.GetRelationalModel().FindTable(table, null)?.FindColumn(column) is null)
            {
                problems.Add($"the exclusion of {table}.{column} names no column of the model");
            }
        }

        Assert.Empty(problems);
        foreach (var table in new[] { "RecordChanges", "SlugRedirects", "ReferenceLoads", "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "Statements", "Sources" })
        {
            Assert.NotEmpty(dumped[table]);
        }

        Assert.Equal("attribution-dump/1", (string?)dump["format"]);
        Assert.Equal(db.Database.GetMigrations().Last(), (string?)dump["migration"]);
    }

    [Fact]
    public void A_personal_access_tokens_table_added_later_is_left_out_by_its_name() =>
        Assert.NotNull(DumpExclusions.TableReason("PersonalAccessTokens"));

    [Fact]
    public async Task Restoring_refuses_a_store_that_already_holds_records_and_names_its_tables()
    {
        await using var db = seeded.Store.NewContext();

        var occupied = await StoreRestorer.OccupiedTablesAsync(db, Ct);

        Assert.Contains(occupied, o => o.Table == "States" && o.Rows > 200);
        Assert.Contains(occupied, o => o.Table == "AspNetUsers");
        await using var empty = await TestStore.CreateAsync();
        await using var emptyDb = empty.NewContext();
        Assert.Empty(await StoreRestorer.OccupiedTablesAsync(emptyDb, Ct));
    }

    private static async Task<List<string>> RawRowsAsync(DbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : $"{reader.GetValue(i).GetType().Name}:{reader.GetValue(i)}")));
        }

        return rows;
    }

    private static async Task<long> CountAsync(DbContext db, string table)
    {
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
