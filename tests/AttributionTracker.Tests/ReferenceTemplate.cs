using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AttributionTracker.Tests;

/// <summary>
/// A store with the migrations and the shipped reference files loaded (by <see cref="ReferenceDataLoader"/>, as
/// <see cref="TestStore.LoadReferenceDataAsync"/> does), made once per test process and copied into each
/// <see cref="TestStore.CreateWithReferenceDataAsync"/>: on SQLite an in-memory store backed up into the new one, on
/// PostgreSQL a template database (<see cref="TemplateCopies"/>).
/// </summary>
internal static class ReferenceTemplate
{
    private static readonly Lazy<Task<SqliteConnection>> SqliteStore = new(CreateSqliteAsync);

    private static readonly Lazy<Task<TemplateCopies>> PostgresCopies = new(CreatePostgresAsync);

    // One connection holds the SQLite template in memory; a backup from it uses that connection, one at a time.
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    public static async Task CopySqliteIntoAsync(SqliteConnection store)
    {
        var template = await SqliteStore.Value;
        await SqliteGate.WaitAsync();
        try
        {
            template.BackupDatabase(store);
        }
        finally
        {
            SqliteGate.Release();
        }
    }

    public static async Task<string> CopyPostgresAsync()
    {
        var name = TestDatabase.NewPostgresName();
        await (await PostgresCopies.Value).CopyToAsync(name);
        return name;
    }

    private static async Task<SqliteConnection> CreateSqliteAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await LoadAsync(new DbContextOptionsBuilder<AttributionDbContext>()
            .UseSqlite(connection, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).Options);
        return connection;
    }

    private static async Task<TemplateCopies> CreatePostgresAsync()
    {
        var name = await TestDatabase.CreatePostgresAsync(migrated: true);
        var options = new DbContextOptionsBuilder<AttributionDbContext>();
        options.UseAttributionPostgres(TestDatabase.ConnectionString(name));
        await LoadAsync(options.Options);

        // No connection may stay open to a template.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(TestDatabase.ConnectionString(name)));
        TestDatabase.AtExit(() => TestDatabase.DropPostgresNowAsync(name));
        return new TemplateCopies(name);
    }

    private static async Task LoadAsync(DbContextOptions<AttributionDbContext> options)
    {
        await using var db = new AttributionDbContext(options);
        await db.Database.MigrateAsync();
        await new ReferenceDataLoader(db, NullLogger<ReferenceDataLoader>.Instance).LoadAllAsync(TestStore.SeedsFolder);
    }
}
