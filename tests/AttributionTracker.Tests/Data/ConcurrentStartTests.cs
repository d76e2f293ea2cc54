using AttributionTracker.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Tests.Data;

/// <summary>The web app and a CLI command started at the same moment on a new data folder.</summary>
public sealed class ConcurrentStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_processes_starting_on_one_new_store_load_the_reference_data_and_seed_article_once()
    {
        var folder = Directory.CreateTempSubdirectory("attribution-concurrent-").FullName;
        var postgres = TestDatabase.OnPostgres ? await TestDatabase.CreatePostgresAsync(migrated: false) : null;
        try
        {
            await using var first = Services(folder, postgres);
            await using var second = Services(folder, postgres);

            // Separate containers have separate connection pools, as two processes do.
            await Task.WhenAll(InitializeAsync(first), InitializeAsync(second));

            await using var scope = first.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
            Assert.Equal(1, await db.Sources.CountAsync(Ct));
            Assert.Equal(1, await db.Actors.CountAsync(a => a.Name == "HAFNIUM", Ct));
            Assert.Equal(await db.ReferenceLoads.CountAsync(Ct), await db.ReferenceLoads.Select(r => r.Name).Distinct().CountAsync(Ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (postgres is not null)
            {
                await TestDatabase.DropPostgresAsync(postgres);
            }
        }
    }

    /// <param name="postgres">An empty PostgreSQL database to start on instead of a SQLite file in the folder.</param>
    private static ServiceProvider Services(string folder, string? postgres)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = folder,
            ["Database:SeedsFolder"] = RepositoryFiles.Path("seeds"),
            ["Database:Provider"] = postgres is null ? null : nameof(StoreProvider.Postgres),
            ["Database:ConnectionString"] = postgres is null ? null : TestDatabase.ConnectionString(postgres),
        }).Build();
        return new ServiceCollection().AddLogging().AddAttributionStore(configuration).BuildServiceProvider();
    }

    private static async Task InitializeAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(Ct);
    }
}
