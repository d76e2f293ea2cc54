using AttributionTracker.Data;
using AttributionTracker.Tests;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Tests;

/// <summary>
/// The web app over a store it cannot bring up to date, started as a user starts it (its own process): it logs one line
/// that names the store, the migration and the database's message, and exits with 1 before serving anything.
/// </summary>
public sealed class StartFailureTests : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("attribution-web-start-").FullName;

    private readonly PostgresName? database = TestDatabase.OnPostgres ? PostgresName.New("webstart") : null;

    [Fact]
    public async Task A_migration_that_fails_at_start_is_one_logged_line_and_exit_code_1()
    {
        var settings = StoreTemplate.Settings(folder, database);
        var store = UnmigratableStores.ConnectionString(folder, settings.GetValueOrDefault("Database:ConnectionString"));
        await UnmigratableStores.CreateAsync(store, UnmigratableStores.ClashingTable);

        var (exitCode, output) = await RunAppAsync(settings);

        Assert.Equal(1, exitCode);
        var problems = output.Where(l => l.Contains(" FTL]", StringComparison.Ordinal) || l.Contains(" ERR]", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(problems);
        Assert.Contains($"Cannot start: Cannot apply migration {FirstMigration()} to the {(TestDatabase.OnPostgres ? "PostgreSQL" : "SQLite")} store ", line);
        Assert.Contains("already exists", line);
        Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Empty(await UnmigratableStores.HistoryAsync(store));
    }

    private static string FirstMigration()
    {
        var builder = new DbContextOptionsBuilder<AttributionDbContext>();
        builder.UseAttributionStore(new StoreOptions { Provider = TestDatabase.Provider, ConnectionString = TestDatabase.OnPostgres ? "Host=127.0.0.1;Database=unused" : "Data Source=:memory:" });
        using var db = new AttributionDbContext(builder.Options);
        return db.Database.GetMigrations().First();
    }

    private static async Task<(int ExitCode, List<string> Output)> RunAppAsync(Dictionary<string, string?> settings)
    {
        using var process = AppProcess.Start(settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, [.. (await stdout + await stderr).ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0)]);
    }

    public async ValueTask DisposeAsync()
    {
        if (database is { } d)
        {
            await TestDatabase.DropPostgresAsync(d.Value);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
