using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Data.Dump;

/// <summary>
/// The migrations a dump may name. A dump records the last migration of the store it came from, on its engine; the two
/// engines have migrations of their own that build the same model, so a dump from either restores into either.
/// </summary>
public static class DumpMigrations
{
    /// <summary>The other engine's migrations, then <paramref name="db"/>'s own (so the last is this store's newest).</summary>
    public static IReadOnlyList<string> Known(AttributionDbContext db)
    {
        var other = db.Database.IsSqlite()
            ? new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = "Host=localhost" }
            : new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = "Data Source=:memory:" };
        var options = new DbContextOptionsBuilder<AttributionDbContext>();
        options.UseAttributionStore(other);
        try
        {
            // Listing migrations opens no connection.
            using var otherDb = new AttributionDbContext(options.Options);
            return [.. otherDb.Database.GetMigrations(), .. db.Database.GetMigrations()];
        }
        catch (FileNotFoundException)
        {
            // A host built without the PostgreSQL migrations assembly knows only its own engine's.
            return [.. db.Database.GetMigrations()];
        }
    }
}
