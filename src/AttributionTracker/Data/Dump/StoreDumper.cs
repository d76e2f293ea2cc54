using System.Data;
using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AttributionTracker.Data.Dump;

/// <summary>
/// Writes the whole store as a dump: every table of the model but the excluded ones, read in one transaction so a store in
/// use is dumped as it was at one moment. Reads through ADO.NET, not entities, so nothing is tracked or stamped. Rows come
/// in key order, text keys compared byte by byte on either engine, so a store holding the same rows dumps to the same
/// tables on SQLite and on PostgreSQL.
/// </summary>
public static class StoreDumper
{
    public static async Task DumpAsync(AttributionDbContext db, Stream output, CancellationToken cancellationToken = default)
    {
        var plan = DumpPlan.For(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var migration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            // A snapshot that does not hold up writers: SQLite's default BEGIN IMMEDIATE would lock them out for the whole
            // dump, whereas a deferred read transaction (in WAL mode) sees one moment and lets them go on; on PostgreSQL a
            // read-only repeatable-read transaction is one snapshot for every table and takes no lock a writer waits for.
            var sqlite = connection as SqliteConnection;
            await using var transaction = sqlite is not null
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            if (sqlite is null)
            {
                await using var readOnly = connection.CreateCommand();
                readOnly.Transaction = transaction;
                readOnly.CommandText = "SET TRANSACTION READ ONLY";
                await readOnly.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("format", DumpFormat.Version);
            json.WriteString("migration", migration);
            json.WriteStartObject("excluded");
            foreach (var (table, reason) in plan.ExcludedTables)
            {
                json.WriteString(table, reason);
            }

            foreach (var table in plan.Tables)
            {
                foreach (var column in table.ExcludedColumns)
                {
                    json.WriteString($"{table.Name}.{column}", DumpExclusions.ColumnReason(table.Name, column));
                }
            }

            json.WriteEndObject();
            json.WriteStartArray("tables");
            foreach (var table in plan.Tables)
            {
                json.WriteStartObject();
                json.WriteString("name", table.Name);
                json.WriteStartArray("rows");
                await WriteRowsAsync(connection, transaction, sql, table, byteOrder: sqlite is null, json, cancellationToken);
                json.WriteEndArray();
                json.WriteEndObject();
                await json.FlushAsync(cancellationToken);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <param name="byteOrder">
    /// Sort text keys by their bytes (PostgreSQL's "C" collation), as SQLite's default BINARY collation does, rather than
    /// by the database's language rules.
    /// </param>
    private static async Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, DumpTable table, bool byteOrder, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        string OrderBy(string key) =>
            sql.DelimitIdentifier(key) + (byteOrder && table.Column(key)?.Type == typeof(string) ? " COLLATE \"C\"" : "");

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} ORDER BY {string.Join(", ", table.Key.Select(OrderBy))}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                json.WritePropertyName(table.Columns[i].Name);
                DumpValues.Write(json, DumpValues.Read(reader, i, table.Columns[i].Type));
            }

            json.WriteEndObject();
        }
    }
}
