using AttributionTracker.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AttributionTracker.Tests;

/// <summary>
/// A store exactly as first start leaves it (migrations, roles, ~1,000 reference records, the seed article), made once per
/// test run and copied into each app's or command's new store: first start there finds nothing new to load, so a test
/// that needs "a new store" pays for a copy instead of the whole seeding. On SQLite the copy is the database file; on
/// PostgreSQL a database made with <c>CREATE DATABASE … TEMPLATE</c> (<see cref="TemplateCopies"/>). Tests about first start itself (seeding,
/// migrations) use a truly empty store instead.
/// </summary>
public static class StoreTemplate
{
    private static readonly Lazy<string> SqliteFile = new(CreateSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<TemplateCopies> PostgresDatabase = new(CreatePostgresTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gives the new SQLite store of <paramref name="dataFolder"/> the seeded template's content.</summary>
    public static void CopyInto(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        File.Copy(SqliteFile.Value, Path.Combine(dataFolder, "attribution.db"), overwrite: false);
    }

    /// <summary>Creates the PostgreSQL database <paramref name="database"/> as a copy of the seeded template.</summary>
    public static void CopyInto(PostgresName database)
    {
        var copies = PostgresDatabase.Value;
        Task.Run(() => copies.CopyToAsync(database.Value)).GetAwaiter().GetResult();
    }

    /// <summary>The configuration of an app or command over the store of <paramref name="dataFolder"/> and, on PostgreSQL, <paramref name="database"/>.</summary>
    public static Dictionary<string, string?> Settings(string dataFolder, PostgresName? database) => database is { } name
        ? new()
        {
            ["Database:DataFolder"] = dataFolder,
            ["Database:Provider"] = nameof(StoreProvider.Postgres),
            ["Database:ConnectionString"] = TestDatabase.ConnectionString(name.Value),
        }
        : new() { ["Database:DataFolder"] = dataFolder };

    private static string CreateSqliteTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("attribution-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        var file = Path.Combine(folder, "attribution.db");

        // No pooling: once seeding is done no connection may hold the file, or its last writes could still sit in the WAL.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        Seed(new Dictionary<string, string?> { ["Database:ConnectionString"] = connectionString });

        // Everything into the main file, so the one file copied is the whole store.
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        checkpoint.ExecuteNonQuery();
        return file;
    }

    private static TemplateCopies CreatePostgresTemplate()
    {
        var name = Task.Run(() => TestDatabase.CreatePostgresAsync(migrated: true)).GetAwaiter().GetResult();
        Seed(Settings(Path.Combine(Path.GetTempPath(), "attribution-template-logs"), new PostgresName(name)));

        return new TemplateCopies(name);
    }

    /// <summary>Runs the app's own first start (<see cref="StoreInitializer"/>) over the store the settings name.</summary>
    private static void Seed(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAttributionStore(configuration);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        // Synchronously (on the pool, away from any test's context): the factories that ask for the template are built
        // inside synchronous host-building callbacks.
        Task.Run(() => scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync()).GetAwaiter().GetResult();
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner takes it.
        }
    }
}
