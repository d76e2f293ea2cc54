using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests;

/// <summary>
/// A real SQLite database, in memory, kept alive by one open connection for the test's lifetime and created
/// by the real migrations. Each <see cref="NewContext"/> is a fresh unit of work over the same database.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly SqliteConnection connection;

    private TestStore(SqliteConnection connection) => this.connection = connection;

    public static string SeedsFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static async Task<TestStore> CreateAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var store = new TestStore(connection);
        await using var db = store.NewContext();
        await db.Database.MigrateAsync();
        return store;
    }

    /// <param name="interceptors">For tests that make the database fail on purpose (a command that throws mid-import).</param>
    public AttributionDbContext NewContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<AttributionDbContext>()
            .UseSqlite(connection, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(interceptors)
            .Options);

    /// <summary>Loads the shipped reference files (states, parties, MISP galaxy, organs, links) as first start does.</summary>
    public async Task LoadReferenceDataAsync()
    {
        await using var db = NewContext();
        await new ReferenceDataLoader(db, NullLogger<ReferenceDataLoader>.Instance).LoadAllAsync(SeedsFolder);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
