using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>
/// The row count of every table in the store (read from the engine's catalogue, so a table added later is covered
/// without editing this) and SQLite's own foreign-key check: what "nothing was written" and "every reference is
/// valid" mean.
/// </summary>
internal static class StoreSnapshot
{
    public static async Task<IReadOnlyDictionary<string, long>> CountsAsync(TestStore store)
    {
        await using var db = store.NewContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var tables = await ColumnAsync<string>(connection, TestDatabase.OnPostgres
            ? "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = (await ColumnAsync<long>(connection, $"SELECT COUNT(*) FROM \"{table}\""))[0];
        }

        return counts;
    }

    /// <returns>One line per row whose foreign key points at nothing; empty when the store is consistent.</returns>
    public static async Task<IReadOnlyList<string>> ForeignKeyProblemsAsync(TestStore store)
    {
        if (TestDatabase.OnPostgres)
        {
            // PostgreSQL checks every foreign key as each statement runs: a store cannot hold a dangling one.
            return [];
        }

        await using var db = store.NewContext();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check";
        await using var reader = await command.ExecuteReaderAsync();
        var problems = new List<string>();
        while (await reader.ReadAsync())
        {
            problems.Add($"{reader.GetString(0)} row {reader.GetValue(1)} → {reader.GetString(2)}");
        }

        return problems;
    }

    public static string Describe(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        string.Join(", ", after.Where(kv => !before.TryGetValue(kv.Key, out var n) || n != kv.Value).Select(kv => $"{kv.Key} {before.GetValueOrDefault(kv.Key)}→{kv.Value}"));

    private static async Task<List<T>> ColumnAsync<T>(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
