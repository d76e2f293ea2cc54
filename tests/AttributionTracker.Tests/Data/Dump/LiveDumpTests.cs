using AttributionTracker.Data;
using AttributionTracker.Data.Dump;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Data.Dump;

/// <summary>A dump of a store in use: writers are not held up, and the dump is the store as it stood when it began.</summary>
public sealed class LiveDumpTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("attribution-live-dump-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_made_while_a_dump_runs_goes_through_and_is_not_in_that_dump()
    {
        var store = $"Data Source={Path.Combine(folder, "attribution.db")}";
        var options = new DbContextOptionsBuilder<AttributionDbContext>();
        options.UseAttributionSqlite(store);
        await using var db = new AttributionDbContext(options.Options);
        await db.Database.MigrateAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", Ct);
        await InsertChangeAsync(store, "before");

        // Once the dump has written its first table, another connection writes; it must not wait for the dump to end.
        string? writeProblem = null;
        var output = new HookedStream(() =>
        {
            try
            {
                InsertChangeAsync(store, "during", busyTimeoutSeconds: 1).GetAwaiter().GetResult();
            }
            catch (SqliteException e)
            {
                writeProblem = e.Message;
            }
        });
        await StoreDumper.DumpAsync(db, output, Ct);

        Assert.Null(writeProblem);
        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("\"RecordKey\": \"before\"", text);
        Assert.DoesNotContain("\"RecordKey\": \"during\"", text);
    }

    private static async Task InsertChangeAsync(string store, string key, int busyTimeoutSeconds = 30)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(store) { DefaultTimeout = busyTimeoutSeconds }.ToString());
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO \"RecordChanges\" (\"At\", \"By\", \"Action\", \"RecordType\", \"RecordKey\") VALUES ('2026-11-29 09:00:00', 'writer', 'Added', 'Test', $key);";
        insert.Parameters.AddWithValue("$key", key);
        await insert.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A memory stream that runs <paramref name="onFirstWrite"/> the first time anything is written to it.</summary>
    private sealed class HookedStream(Action onFirstWrite) : MemoryStream
    {
        private Action? hook = onFirstWrite;

        public override void Write(byte[] buffer, int offset, int count)
        {
            Interlocked.Exchange(ref hook, null)?.Invoke();
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Interlocked.Exchange(ref hook, null)?.Invoke();
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref hook, null)?.Invoke();
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Interlocked.Exchange(ref hook, null)?.Invoke();
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
