using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttributionTracker.Tests;

/// <summary>
/// Which engine the tests run on: <c>ATTRIBUTION_TEST_DATABASE</c> = <c>sqlite</c> (the default) or <c>postgres</c>,
/// the server named by <c>ATTRIBUTION_TEST_POSTGRES</c> (a base connection string without a database). On PostgreSQL
/// the migrations run once per test run into a template database; each store is a copy of it (CREATE DATABASE …
/// TEMPLATE, made ahead by <see cref="TemplateCopies"/>) dropped in the background once the store is disposed.
/// </summary>
public static class TestDatabase
{
    // Test data need not survive a crash of the server: commits do not wait for the disk.
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=attribution;Password=attribution;Options=-c synchronous_commit=off";

    public static bool OnPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("ATTRIBUTION_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static StoreProvider Provider => OnPostgres ? StoreProvider.Postgres : StoreProvider.Sqlite;

    /// <summary>The reason a test that only means something on SQLite gives when it is skipped on PostgreSQL.</summary>
    public const string SqliteOnly = "SQLite only: ";

    private static readonly string Server = Environment.GetEnvironmentVariable("ATTRIBUTION_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultPostgres;

    private static readonly string RunId = Guid.NewGuid().ToString("N")[..10];

    private static readonly Lazy<Task<TemplateCopies>> Template = new(CreateTemplateAsync);

    private static readonly SemaphoreSlim Copying = new(1, 1);

    private static int count;

    private static readonly Lock DropQueue = new();

    private static Task dropping = Task.CompletedTask;

    static TestDatabase() => AtExit(() => Volatile.Read(ref dropping));

    // Everything the process does for the server as it exits shares this much time: the test platform ends a process
    // that does not exit within 10 s as a failure. What is not dropped by then, tests/run.sh drops when the run ends.
    private static readonly TimeSpan ExitBudget = TimeSpan.FromSeconds(6);

    private static DateTime? exitDeadline;

    /// <summary>
    /// Runs <paramref name="work"/> as the process exits, for what is left of <see cref="ExitBudget"/>; a failure or
    /// an overrun leaves a test database behind (its name says whose), never fails the run.
    /// </summary>
    public static void AtExit(Func<Task> work) => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        var deadline = exitDeadline ??= DateTime.UtcNow + ExitBudget;
        try
        {
            Task.Run(work).Wait(deadline - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        catch (AggregateException)
        {
        }
    };

    /// <summary>A connection string to <paramref name="database"/> on the test server.</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>A name for a new test database, unique in the run (it says whose it is if it is left behind).</summary>
    public static string NewPostgresName() => $"attribution_test_{RunId}_{Interlocked.Increment(ref count)}";

    /// <summary>A new database, migrated (a copy of the template) or empty.</summary>
    public static async Task<string> CreatePostgresAsync(bool migrated = true)
    {
        var name = NewPostgresName();
        if (migrated)
        {
            await (await Template.Value).CopyToAsync(name);
            return name;
        }

        // One at a time, as copies of a template are (TemplateCopies).
        await Copying.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        }
        finally
        {
            Copying.Release();
        }

        return name;
    }

    /// <summary>
    /// Drops a test database, behind the test's back: DROP DATABASE makes the server write and sync every dirty page
    /// (a checkpoint) before it answers, a quarter of a second or more on a busy machine, which no test needs to wait
    /// for. The drops go one at a time, in order, on one background queue that the process empties before it exits
    /// (<see cref="DropPostgresNowAsync"/> is the drop itself), for as long as <see cref="ExitBudget"/> allows.
    /// </summary>
    public static Task DropPostgresAsync(string database)
    {
        // Its pooled connections are closed now, not when the queue reaches it: a queue some dozens of drops long would
        // otherwise hold one idle connection per waiting database, and with other test processes on the same server
        // that ran it out of connection slots (53300).
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(database)));
        lock (DropQueue)
        {
            var previous = dropping;
            dropping = Task.Run(async () =>
            {
                await previous;
                try
                {
                    await DropPostgresNowAsync(database);
                }
                catch (NpgsqlException)
                {
                    // A drop that times out on a busy server leaves the database behind: tests/run.sh drops what is
                    // left when the run ends, and the queue goes on.
                }
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Drops a test database now. A plain DROP first: it stops an autovacuum worker that happens to be in the database,
    /// which WITH (FORCE) may not do for a role that is not a superuser; FORCE then ends what a test left open. A
    /// database that still cannot be dropped is left behind (its name says it is a test's) rather than failing the test.
    /// </summary>
    public static async Task DropPostgresNowAsync(string database)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(database)));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                await ExecuteAsync(attempt < 4 ? $"DROP DATABASE IF EXISTS \"{database}\"" : $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<TemplateCopies> CreateTemplateAsync()
    {
        var name = $"attribution_test_{RunId}_template";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var options = new DbContextOptionsBuilder<AttributionDbContext>();
        options.UseAttributionPostgres(ConnectionString(name));
        await using (var db = new AttributionDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        return new TemplateCopies(name);
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
