using AttributionTracker.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AttributionTracker.Data;

/// <summary>
/// Brings a store up to date on start: creates the data folder (SQLite) or the database (PostgreSQL, when the role
/// may), applies migrations, switches SQLite to WAL, and loads reference data and seed articles that are new or
/// have changed since the last start.
/// </summary>
public sealed class StoreInitializer(AttributionDbContext db, StoreOptions options, ReferenceDataLoader reference, SeedArticlesLoader articles, ILogger<StoreInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite && new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource is { Length: > 0 } file
            && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        if (db.Database.IsNpgsql())
        {
            await MigratePostgresAsync(cancellationToken);
        }
        else
        {
            await ProbeSqliteAsync(cancellationToken);
            await new StoreMigration(db, logger).ApplyAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while an import writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await Accounts.RolesInitializer.EnsureRolesAsync(db, cancellationToken);

        if (options.SeedOnStart)
        {
            await reference.LoadAllAsync(options.ResolveSeedsFolder(), cancellationToken);
            await articles.LoadAsync(options.ResolveSeedsFolder(), cancellationToken);
        }
    }

    /// <summary>
    /// Reads the SQLite file's schema outside EF, so that a file that is not a database (or a damaged one) is told in one
    /// line (<see cref="StoreUnavailableException"/>) rather than logged as a failed command first.
    /// </summary>
    private async Task ProbeSqliteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = new SqliteConnection(db.Database.GetConnectionString());
            await probe.OpenAsync(cancellationToken);
            await using var read = probe.CreateCommand();
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            await read.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"Cannot open {StoreMigration.Describe(db.Database.GetDbConnection())}: {StoreMigration.OneLine(e)}", e);
        }
    }

    /// <summary>
    /// Creates the database if it does not exist (when the role may), then migrates under a session advisory lock:
    /// two processes starting on one new store apply each migration once (SQLite's file lock does this there).
    /// </summary>
    private async Task MigratePostgresAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await PostgresDatabaseExistsAsync(cancellationToken))
            {
                // Created here rather than by MigrateAsync, which would first log the failed connection as an error.
                try
                {
                    await db.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another process created it a moment ago.
                }
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(1635021939)", cancellationToken);
                await new StoreMigration(db, logger).ApplyAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(1635021939)", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // The role may not create the database or the unaccent extension: a setup step, said in one line.
            throw Unavailable(e);
        }
    }

    /// <summary>
    /// Opens one connection to the configured database, outside EF so that a missing database or an unreachable
    /// server is told in one line (<see cref="StoreUnavailableException"/>) rather than logged as a failure first.
    /// </summary>
    private async Task<bool> PostgresDatabaseExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = new NpgsqlConnection(db.Database.GetConnectionString());
            await probe.OpenAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
        catch (NpgsqlException e)
        {
            // Wrong host, port, password or rights: one line that names the server, not a stack trace.
            throw Unavailable(e);
        }
    }

    private StoreUnavailableException Unavailable(NpgsqlException e)
    {
        var user = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Username;
        return new StoreUnavailableException($"Cannot open {StoreMigration.Describe(db.Database.GetDbConnection())} as {user}: {StoreMigration.OneLine(e)}", e);
    }
}
