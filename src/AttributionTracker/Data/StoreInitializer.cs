using AttributionTracker.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AttributionTracker.Data;

/// <summary>
/// Brings a store up to date on start: creates the data folder, applies migrations, switches SQLite to WAL,
/// and loads reference data and seed articles that are new or have changed since the last start.
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

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
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
}
