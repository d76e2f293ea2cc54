using AttributionTracker.Data;
using AttributionTracker.Data.Dump;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Data.Dump;

public sealed class SqliteBackupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("attribution-backup-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_taken_while_another_connection_keeps_writing_is_sound_and_holds_every_record_committed_before_it()
    {
        var store = $"Data Source={Path.Combine(folder, "attribution.db")}";
        var options = new DbContextOptionsBuilder<AttributionDbContext>();
        options.UseAttributionSqlite(store);
        await using (var db = new AttributionDbContext(options.Options))
        {
            await db.Database.MigrateAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", Ct);
        }

        // A writer commits one history row at a time until told to stop; the backup runs in between.
        using var stop = new CancellationTokenSource();
        var committed = 0;
        var firstCommits = new TaskCompletionSource();
        var writer = Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(store);
            await connection.OpenAsync(Ct);
            while (!stop.IsCancellationRequested)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO \"RecordChanges\" (\"At\", \"By\", \"Action\", \"RecordType\", \"RecordKey\") VALUES ('2026-11-29 09:00:00', 'writer', 'Added', 'Test', $n);";
                insert.Parameters.AddWithValue("$n", committed + 1);
                await insert.ExecuteNonQueryAsync(Ct);
                Interlocked.Increment(ref committed);
                if (committed == 200)
                {
                    firstCommits.SetResult();
                }
            }
        }, Ct);

        await firstCommits.Task.WaitAsync(Ct);
        var before = Volatile.Read(ref committed);
        await SqliteBackup.BackupAsync(store, Path.Combine(folder, "copy.db"), force: false, Ct);
        var after = Volatile.Read(ref committed);
        await stop.CancelAsync();
        await writer;

        await using var copy = new SqliteConnection($"Data Source={Path.Combine(folder, "copy.db")};Pooling=False");
        await copy.OpenAsync(Ct);
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await check.ExecuteScalarAsync(Ct));
        check.CommandText = "SELECT COUNT(*), MIN(CAST(\"RecordKey\" AS INTEGER)), MAX(CAST(\"RecordKey\" AS INTEGER)) FROM \"RecordChanges\";";
        await using var reader = await check.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        var (count, first, last) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));

        // One moment's state: every record up to some point, none missing in between, none after the copy ended.
        Assert.InRange(count, before, after + 1);
        Assert.Equal((1, count), (first, last));
    }

    [Fact]
    public void An_existing_file_is_not_replaced_without_force()
    {
        var existing = Path.Combine(folder, "copy.db");
        File.WriteAllText(existing, "keep me");

        Assert.Contains("already exists; pass --force", SqliteBackup.Refusal(existing, force: false));
        Assert.Null(SqliteBackup.Refusal(existing, force: true));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
