using AttributionTracker.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Reliability.Tests;

/// <summary>The SQLite store in a data folder, opened the way a test needs it.</summary>
public static class Store
{
    public static string FileIn(string dataFolder) => Path.Combine(dataFolder, "attribution.db");

    /// <summary>A read-only look while another process writes: it can never take the write lock from the writer.</summary>
    public static AttributionDbContext OpenReadOnly(string dataFolder)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = FileIn(dataFolder), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var options = new DbContextOptionsBuilder<AttributionDbContext>();
        options.UseAttributionSqlite(connection.ToString());
        return new AttributionDbContext(options.Options);
    }

    /// <summary>SQLite's own checks of the file: <c>PRAGMA integrity_check</c>'s rows ("ok" alone when sound) and every foreign key that points nowhere.</summary>
    public static async Task<(IReadOnlyList<string> Integrity, IReadOnlyList<string> BrokenForeignKeys)> CheckAsync(string dataFolder, CancellationToken cancellationToken)
    {
        // Opened read-write, as the program after a crash would: that is when SQLite replays or discards the WAL.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FileIn(dataFolder), Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return (await RowsAsync(connection, "PRAGMA integrity_check;", cancellationToken), await RowsAsync(connection, "PRAGMA foreign_key_check;", cancellationToken));
    }

    private static async Task<IReadOnlyList<string>> RowsAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
