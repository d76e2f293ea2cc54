using System.Collections.Concurrent;
using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Data;

/// <summary>
/// A start that cannot bring the store up to date says why in one line (<see cref="StoreUnavailableException"/>, which
/// the web app and the command line print and exit on) and leaves nothing half-written; a start that can logs no error.
/// </summary>
public sealed class FailedMigrationTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One logger factory for the class (its tests run one at a time): EF makes an internal service provider per factory.
    private static readonly ListLogger Logs = new();

    private static readonly LoggerFactory LoggerFactory = new([Logs]);

    private readonly string folder = Directory.CreateTempSubdirectory("attribution-migration-").FullName;

    private readonly PostgresName? database = TestDatabase.OnPostgres ? PostgresName.New("migration") : null;

    public FailedMigrationTests() => Logs.Clear();

    private string Store => UnmigratableStores.ConnectionString(folder, database is { } d ? TestDatabase.ConnectionString(d.Value) : null);

    [Fact]
    public async Task A_migration_the_database_refuses_is_one_line_naming_the_store_and_the_migration_and_applies_nothing()
    {
        await UnmigratableStores.CreateAsync(Store, UnmigratableStores.ClashingTable);
        await using var db = Context();
        var first = db.Database.GetMigrations().First();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Initializer(db).InitializeAsync(Ct));

        Assert.StartsWith($"Cannot apply migration {first} to the {(TestDatabase.OnPostgres ? "PostgreSQL" : "SQLite")} store ", error.Message);
        Assert.Contains("already exists", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(await UnmigratableStores.HistoryAsync(Store));
        Assert.Equal(["Actors", "__EFMigrationsHistory"], (await UnmigratableStores.TablesAsync(Store)).Where(t => t != "__EFMigrationsLock"));
    }

    [Fact]
    public async Task A_store_a_newer_build_upgraded_is_refused_before_anything_is_applied()
    {
        await UnmigratableStores.CreateAsync(Store, UnmigratableStores.NewerBuildsHistory);
        await using var db = Context();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Initializer(db).InitializeAsync(Ct));

        Assert.Contains($"migration {UnmigratableStores.NewerMigration} is unknown to this build", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal([UnmigratableStores.NewerMigration], await UnmigratableStores.HistoryAsync(Store));
        Assert.Equal(["__EFMigrationsHistory"], await UnmigratableStores.TablesAsync(Store));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_one_line_and_no_error_is_logged_before_it()
    {
        // SQLite only by nature, so it runs on every pass.
        var file = Path.Combine(folder, "attribution.db");
        await File.WriteAllTextAsync(file, new string('x', 4096), Ct);
        await using var db = Context(new StoreOptions { DataFolder = folder, SeedOnStart = false });

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Initializer(db).InitializeAsync(Ct));

        Assert.Equal($"Cannot open the SQLite store {file}: SQLite Error 26: 'file is not a database'.", error.Message);
        Assert.Empty(Logs.Errors);
        Assert.Equal(new string('x', 4096), await File.ReadAllTextAsync(file, Ct));
    }

    [Fact]
    public async Task A_first_start_on_a_new_store_logs_no_error()
    {
        // On PostgreSQL the database does not exist yet: start creates it, then EF used to read its missing history table.
        await using var db = Context();

        await Initializer(db).InitializeAsync(Ct);

        Assert.Empty(Logs.Errors);
        Assert.Equal(db.Database.GetMigrations(), await UnmigratableStores.HistoryAsync(Store));
    }

    private StoreOptions Options => new()
    {
        Provider = TestDatabase.Provider,
        DataFolder = folder,
        ConnectionString = database is { } d ? TestDatabase.ConnectionString(d.Value) : null,
        SeedOnStart = false,
    };

    private AttributionDbContext Context(StoreOptions? options = null)
    {
        var builder = new DbContextOptionsBuilder<AttributionDbContext>();
        builder.UseAttributionStore(options ?? Options).UseLoggerFactory(LoggerFactory);
        return new AttributionDbContext(builder.Options);
    }

    private StoreInitializer Initializer(AttributionDbContext db) =>
        new(db, Options, null!, null!, NullLogger<StoreInitializer>.Instance);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (database is { } d)
        {
            await TestDatabase.DropPostgresAsync(d.Value);
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>What EF logs at Error or above, as text.</summary>
    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> errors = new();

        public IReadOnlyCollection<string> Errors => errors;

        public void Clear() => errors.Clear();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
