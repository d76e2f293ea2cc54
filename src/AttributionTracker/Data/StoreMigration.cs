using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AttributionTracker.Data;

/// <summary>
/// Applies the migrations a store lacks, one at a time, and turns what can go wrong there into one line
/// (<see cref="StoreUnavailableException"/>) that names the store, the migration and the database's own message: a
/// statement the database refuses, a timeout, or a store upgraded by a newer build. Each migration runs in its own
/// transaction, so the one that fails leaves nothing behind.
/// </summary>
internal sealed class StoreMigration(AttributionDbContext db, ILogger logger)
{
    private string Store => Describe(db.Database.GetDbConnection());

    /// <summary>"the SQLite store /srv/attribution.db", "the PostgreSQL store attribution on db.example.org:5432".</summary>
    public static string Describe(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            var file = new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource;
            return $"the SQLite store {(file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal) ? file : Path.GetFullPath(file))}";
        }

        var server = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        return $"the PostgreSQL store {server.Database} on {server.Host}:{server.Port}";
    }

    /// <summary>A database error as one line: its message, and the cause under it when there is one (a timeout, a refused connection).</summary>
    public static string OneLine(Exception e)
    {
        var cause = e.InnerException is { } inner ? $" ({inner.Message.TrimEnd('.')})" : "";
        return string.Join(' ', $"{e.Message.TrimEnd('.')}{cause}".Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)) + ".";
    }

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = await AppliedAsync(cancellationToken);

        // A newer build's tables may need what this one would write wrongly or not at all: refuse before writing anything.
        if (applied.Except(known).LastOrDefault() is { } unknown)
        {
            throw new StoreUnavailableException(
                $"Cannot use {Store}: a newer version of AttributionTracker upgraded it (migration {unknown} is unknown to this build); run that version, or restore a backup made before the upgrade.");
        }

        var pending = known.Except(applied).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
        await using var migrating = QuietCopy();
        var migrator = migrating.GetService<IMigrator>();
        foreach (var migration in pending)
        {
            try
            {
                await migrator.MigrateAsync(migration, cancellationToken);
            }
            catch (DbException e)
            {
                throw new StoreUnavailableException($"Cannot apply migration {migration} to {Store}: {OneLine(e)}", e);
            }
        }
    }

    private async Task<List<string>> AppliedAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Made first when missing, since EF reads a missing history table and logs that as a failed command; only when
            // missing, so a role that may not create tables can still use a store that is up to date.
            var history = db.GetService<IHistoryRepository>();
            if (!await HistoryExistsAsync(history, cancellationToken))
            {
                await history.CreateIfNotExistsAsync(cancellationToken);
            }

            return [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken)];
        }
        catch (DbException e)
        {
            throw new StoreUnavailableException($"Cannot read the migration history of {Store}: {OneLine(e)}", e);
        }
    }

    private async Task<bool> HistoryExistsAsync(IHistoryRepository history, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await history.ExistsAsync(cancellationToken);
        }

        // Npgsql's own check is that failing read (dotnet/efcore#37328): ask the catalog instead.
        var table = $"\"{HistoryRepository.DefaultTableName}\"";
        return await db.Database.SqlQuery<bool>($"SELECT to_regclass({table}) IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>
    /// The store's context again, on the same connection (and so under any lock the caller holds on it), except that a
    /// failed command is logged at Debug: the failure reaches the user once, as the line above, not also as EF's error
    /// with the SQL. It shares the model rather than building it again; made only when there is something to apply.
    /// </summary>
    private AttributionDbContext QuietCopy()
    {
        var options = new DbContextOptionsBuilder<AttributionDbContext>((DbContextOptions<AttributionDbContext>)db.GetService<IDbContextOptions>())
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (RelationalEventId.ConnectionError, LogLevel.Debug)))
            .UseModel(db.GetService<IDesignTimeModel>().Model)
            .Options;
        var copy = new AttributionDbContext(options);
        copy.Database.SetDbConnection(db.Database.GetDbConnection());

        // Building an index over a million statements takes minutes, not the default 30 s of one command.
        copy.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        return copy;
    }
}
