using Microsoft.Data.Sqlite;
using Npgsql;

namespace AttributionTracker.Tests;

/// <summary>
/// Stores that start cannot bring up to date, made on the engine under test for the tests of what start then says: the
/// SQLite file of a data folder or, on PostgreSQL, a database (created here, dropped by the test as usual).
/// </summary>
public static class UnmigratableStores
{
    /// <summary>A table the first migration creates is there already (a hand-made table, a half-restored backup).</summary>
    public const string ClashingTable = """CREATE TABLE "Actors" ("Id" integer PRIMARY KEY)""";

    /// <summary>A migration no build of this version knows.</summary>
    public const string NewerMigration = "29991231000000_FromANewerBuild";

    /// <summary>The history of a newer build that has applied only its own new migration (so all of this build's are pending).</summary>
    public const string NewerBuildsHistory = $"""
        CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
        INSERT INTO "__EFMigrationsHistory" VALUES ('{NewerMigration}', '99.0.0');
        """;

    /// <summary>The store of <paramref name="dataFolder"/>: its SQLite file, or the PostgreSQL database given.</summary>
    public static string ConnectionString(string dataFolder, string? postgresConnectionString) =>
        postgresConnectionString ?? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "attribution.db"), Pooling = false }.ToString();

    /// <summary>Creates the store (an empty file or database) and runs <paramref name="sql"/> in it.</summary>
    public static async Task CreateAsync(string connectionString, string sql)
    {
        if (TestDatabase.OnPostgres)
        {
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
            await ExecuteAsync(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ToString(), $"CREATE DATABASE \"{name}\"");
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource)!);
        }

        await ExecuteAsync(connectionString, sql);
    }

    /// <summary>The store's tables, by name, sorted.</summary>
    public static Task<List<string>> TablesAsync(string connectionString) => ReadAsync(connectionString, TestDatabase.OnPostgres
        ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1");

    /// <summary>The migrations the store's history records, sorted.</summary>
    public static Task<List<string>> HistoryAsync(string connectionString) =>
        ReadAsync(connectionString, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1""");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadAsync(string connectionString, string sql)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static System.Data.Common.DbConnection Open(string connectionString) => TestDatabase.OnPostgres
        ? new NpgsqlConnection(connectionString)
        : new SqliteConnection(connectionString);
}
