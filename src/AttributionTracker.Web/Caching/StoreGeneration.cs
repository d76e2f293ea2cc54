using System.Data.Common;
using AttributionTracker.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttributionTracker.Web.Caching;

/// <summary>
/// A value that changes whenever anyone commits a write to the store: this app's edits, the API, web imports, and
/// other processes on the same store (the command line's <c>import</c> beside a running server). Cached pages are
/// keyed by it, so a page stored before a write is never served after it.
/// </summary>
/// <remarks>
/// SQLite: <c>PRAGMA data_version</c> on one connection kept open for this alone; it changes when any other
/// connection, in this process or another, commits (WAL included), and costs a read of shared memory.
/// PostgreSQL: the one row of the table "StoreGeneration", which a statement trigger on every table moves on and
/// which others see change when the writing transaction commits (migration StoreGeneration).
/// Neither goes through EF Core, so it is not one of a page's SQL commands.
/// </remarks>
public sealed class StoreGeneration(IServiceScopeFactory scopes) : IDisposable
{
    private readonly Lock gate = new();

    private DbConnection? sqlite;

    private NpgsqlDataSource? postgres;

    private FreshReads<string>? postgresReads;

    private bool resolved;

    /// <summary>The current generation; read it before the page reads the store.</summary>
    public async ValueTask<string> ReadAsync(CancellationToken cancellationToken)
    {
        Resolve();
        if (sqlite is not null)
        {
            lock (gate)
            {
                using var command = sqlite.CreateCommand();
                command.CommandText = "PRAGMA data_version";
                return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
            }
        }

        return await postgresReads!.ReadAsync(cancellationToken);
    }

    private async Task<string> ReadPostgresAsync()
    {
        await using var query = postgres!.CreateCommand("SELECT \"Value\" FROM \"StoreGeneration\"");
        return Convert.ToString(await query.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private void Resolve()
    {
        if (Volatile.Read(ref resolved))
        {
            return;
        }

        lock (gate)
        {
            if (resolved)
            {
                return;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
            var connectionString = db.Database.GetConnectionString()!;
            if (db.Database.IsSqlite())
            {
                // Its own connection, never pooled away: data_version is relative to the connection that reads it.
                var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
                sqlite = new SqliteConnection(builder.ToString());
                sqlite.Open();
            }
            else
            {
                // Its own pool, read on every uncached and cached request alike: the statement stays prepared on each
                // connection and a returned connection is not reset, so a read is one short round trip.
                var builder = new NpgsqlConnectionStringBuilder(connectionString)
                {
                    NoResetOnClose = true,
                    MaxAutoPrepare = 4,
                    AutoPrepareMinUsages = 1,
                    ApplicationName = "attribution-store-generation",
                };
                postgres = NpgsqlDataSource.Create(builder);
                // Concurrent requests share a round trip, each still reading after it arrived (see FreshReads).
                postgresReads = new FreshReads<string>(ReadPostgresAsync);
            }

            Volatile.Write(ref resolved, true);
        }
    }

    public void Dispose()
    {
        sqlite?.Dispose();
        postgres?.Dispose();
    }
}
