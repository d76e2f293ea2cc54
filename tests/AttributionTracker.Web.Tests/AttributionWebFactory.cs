using AttributionTracker.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

/// <summary>
/// The real app over its own new store, on the engine under test (<see cref="TestDatabase"/>): the SQLite file in a fresh
/// temporary data folder, or on PostgreSQL a database of its own (dropped at dispose; the folder still holds the logs).
/// The store starts as first start leaves it, a copy of <see cref="StoreTemplate"/>, so the app's own start finds nothing
/// new to load; <see cref="OverEmptyStore"/> gives a truly empty store, for tests about first start itself.
/// </summary>
public sealed class AttributionWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool empty;
    private readonly Lock storeLock = new();
    private bool storeReady;

    /// <summary>On PostgreSQL, this app's own database; null on SQLite.</summary>
    public PostgresName? Database { get; } = TestDatabase.OnPostgres ? PostgresName.New("web") : null;

    /// <summary>An app over a copy of the seeded template store.</summary>
    public AttributionWebFactory()
        : this(empty: false)
    {
    }

    private AttributionWebFactory(bool empty) => this.empty = empty;

    /// <summary>An app whose first start really is one: migrations, reference data and the seed article all load at start.</summary>
    public static AttributionWebFactory OverEmptyStore() => new(empty: true);

    /// <summary>
    /// As a shared fixture the app starts here, once, before any test asks for a client: the factory's lazy start
    /// is not safe when several test classes ask at the same moment.
    /// </summary>
    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("attribution-web-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        PrepareStore();
        foreach (var (key, value) in StoreTemplate.Settings(DataFolder, Database))
        {
            builder.UseSetting(key, value);
        }

        // The tests read the matrix on the home page: never the "still being counted" answer of a slow machine
        // (HomeMatrixWaitTests asks for that one).
        builder.UseSetting("Home:MatrixWait", "00:05:00");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:AttributionTracker", "Information");
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<SqlCommandTally>();
            services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<SqlCommandTally>());
        });
    }

    /// <summary>
    /// Fills the store before the app first starts, once: this runs again for each <c>WithWebHostBuilder</c> variant,
    /// which shares this factory's store.
    /// </summary>
    private void PrepareStore()
    {
        lock (storeLock)
        {
            // An empty PostgreSQL store is a database not created yet: first start creates it, as for a user.
            if (!storeReady && !empty)
            {
                if (Database is { } database)
                {
                    StoreTemplate.CopyInto(database);
                }
                else
                {
                    StoreTemplate.CopyInto(DataFolder);
                }
            }

            storeReady = true;
        }
    }

    /// <summary>How many SQL commands one GET of <paramref name="url"/> runs.</summary>
    public async Task<int> CountSqlCommandsAsync(string url)
    {
        var tally = Guid.NewGuid().ToString("N");
        using var client = CreateClient();
        client.DefaultRequestHeaders.Add(SqlCommandTally.Header, tally);
        // The page's own commands, not the output cache's copy of an earlier render.
        client.DefaultRequestHeaders.CacheControl = new() { NoCache = true };
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return Services.GetRequiredService<SqlCommandTally>()[tally];
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Database is { } database)
        {
            await TestDatabase.DropPostgresAsync(database.Value);
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed; the OS temp cleaner will take it.
        }
    }
}
