using System.Net;
using AttributionTracker.Data;
using AttributionTracker.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Tests;

/// <summary>
/// The web app listens while it still checks its store (ADR 23): a reader who arrives in that moment waits and gets the
/// page once the store is ready, never an error or a page over a store not yet checked. The check is held here by the
/// store's write lock (<see cref="WriteTransactions"/>), taken by the test before the app starts (the reference files
/// are checked under it).
/// </summary>
public sealed class StoreGateTests : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("attribution-web-gate-").FullName;

    private readonly PostgresName? database = TestDatabase.OnPostgres ? PostgresName.New("webgate") : null;

    [Fact]
    public async Task A_reader_who_arrives_while_the_store_is_checked_waits_and_gets_the_page_once_it_is_ready()
    {
        var ct = TestContext.Current.CancellationToken;
        if (database is { } name)
        {
            StoreTemplate.CopyInto(name);
        }
        else
        {
            StoreTemplate.CopyInto(folder);
        }

        var settings = StoreTemplate.Settings(folder, database);
        await using var db = OpenStore(settings.GetValueOrDefault("Database:ConnectionString"));
        await using var held = await db.Database.BeginWriteTransactionAsync(ct);

        using var app = AppProcess.Start(settings);
        try
        {
            _ = app.StandardError.ReadToEndAsync(ct);
            using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            startTimeout.CancelAfter(TimeSpan.FromMinutes(2));
            var address = await AppProcess.ListeningAsync(app, startTimeout.Token);
            Assert.NotNull(address);
            _ = app.StandardOutput.ReadToEndAsync(ct);

            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            // Long enough for a first render on a busy machine: without the gate the page comes back within it.
            var home = client.GetAsync("/", ct);
            await Task.WhenAny(home, Task.Delay(TimeSpan.FromSeconds(5), ct));
            Assert.False(home.IsCompleted, "the page was answered while the store was still being checked");

            await held.RollbackAsync(ct);
            using var response = await home;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Attribution", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            Assert.False(app.HasExited);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync(CancellationToken.None);
        }
    }

    private AttributionDbContext OpenStore(string? postgres)
    {
        var options = new DbContextOptionsBuilder<AttributionDbContext>();
        options.UseAttributionStore(new StoreOptions { DataFolder = folder, Provider = TestDatabase.Provider, ConnectionString = postgres });
        return new AttributionDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (database is { } d)
        {
            await TestDatabase.DropPostgresAsync(d.Value);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
