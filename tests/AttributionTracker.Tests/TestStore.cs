using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests;

/// <summary>
/// A real database created by the real migrations, on the engine <see cref="TestDatabase"/> names: on SQLite in
/// memory, kept alive by one open connection for the test's lifetime; on PostgreSQL a database of its own, dropped at
/// dispose. Each <see cref="NewContext"/> is a fresh unit of work over the same database.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly SqliteConnection? connection;
    private readonly string? postgresDatabase;

    private TestStore(SqliteConnection? connection, string? postgresDatabase)
    {
        this.connection = connection;
        this.postgresDatabase = postgresDatabase;
    }

    public static string SeedsFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static StoreProvider Provider => TestDatabase.Provider;

    public static Task<TestStore> CreateAsync() => CreateAsync(migrated: true);

    /// <summary>A store with no schema yet, for tests that run the migrations themselves.</summary>
    public static Task<TestStore> CreateEmptyAsync() => CreateAsync(migrated: false);

    /// <summary>
    /// A migrated store holding the shipped reference files exactly as <see cref="LoadReferenceDataAsync"/> leaves it,
    /// copied from one loaded once per test process (<see cref="ReferenceTemplate"/>): loading ~1,500 records takes
    /// seconds, a copy milliseconds. Tests about the loading itself load into <see cref="CreateAsync()"/> instead.
    /// </summary>
    public static async Task<TestStore> CreateWithReferenceDataAsync()
    {
        if (TestDatabase.OnPostgres)
        {
            return new TestStore(null, await ReferenceTemplate.CopyPostgresAsync());
        }

        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await ReferenceTemplate.CopySqliteIntoAsync(connection);
        return new TestStore(connection, null);
    }

    private static async Task<TestStore> CreateAsync(bool migrated)
    {
        if (TestDatabase.OnPostgres)
        {
            return new TestStore(null, await TestDatabase.CreatePostgresAsync(migrated));
        }

        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var store = new TestStore(connection, null);
        if (migrated)
        {
            await using var db = store.NewContext();
            await db.Database.MigrateAsync();
        }

        return store;
    }

    /// <summary>This store's own PostgreSQL database, or null on SQLite.</summary>
    internal string? PostgresDatabase => postgresDatabase;

    /// <summary>Copies this SQLite store, whole, into <paramref name="target"/> (SQLite's online backup).</summary>
    internal void BackupSqliteTo(SqliteConnection target) => connection!.BackupDatabase(target);

    /// <summary>The configuration a host would need to reach this store (provider and connection string).</summary>
    public string? PostgresConnectionString => postgresDatabase is null ? null : TestDatabase.ConnectionString(postgresDatabase);

    /// <param name="interceptors">For tests that make the database fail on purpose (a command that throws mid-import).</param>
    public AttributionDbContext NewContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<AttributionDbContext>();
        if (postgresDatabase is not null)
        {
            options.UseAttributionPostgres(TestDatabase.ConnectionString(postgresDatabase));
        }
        else
        {
            options.UseSqlite(connection!, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        }

        return new AttributionDbContext(options.AddInterceptors(interceptors).Options);
    }

    /// <summary>The site search of this store's engine, as the hosts register it.</summary>
    public static ISearchIndex SearchIndex(AttributionDbContext db) =>
        TestDatabase.OnPostgres ? new PostgresSearchIndex(db) : new SqliteSearchIndex(db);

    /// <summary>Loads the shipped reference files (states, parties, MISP galaxy, organs, links) as first start does.</summary>
    public async Task LoadReferenceDataAsync()
    {
        await using var db = NewContext();
        await new ReferenceDataLoader(db, NullLogger<ReferenceDataLoader>.Instance).LoadAllAsync(SeedsFolder);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        if (postgresDatabase is not null)
        {
            await TestDatabase.DropPostgresAsync(postgresDatabase);
        }
    }
}
