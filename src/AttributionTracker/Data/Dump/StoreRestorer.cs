using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AttributionTracker.Data.Dump;

/// <summary>
/// Writes a checked dump into an empty, migrated store in one transaction, ids and audit stamps as they were. It inserts
/// rows with plain SQL, past <see cref="AttributionDbContext.SaveChangesAsync(bool, CancellationToken)"/>, so no audit
/// stamp is renewed and no history row is added: the history restored is the history dumped. The search index is kept
/// by its triggers as the rows go in. On PostgreSQL, whose identity columns count on from their own sequence rather than
/// from the highest id (as SQLite does), each sequence is then moved past the highest id restored, so the next record
/// added gets a fresh id.
/// </summary>
public static class StoreRestorer
{
    /// <summary>The tables (with their row counts) that already hold records; empty when the store may be restored into.</summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> OccupiedTablesAsync(AttributionDbContext db, CancellationToken cancellationToken = default)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var occupied = new List<(string, long)>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                command.CommandText = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(table.Name, table.Schema)}";
                var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                if (count > 0)
                {
                    occupied.Add((table.Name, count));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return occupied;
    }

    public static async Task<int> RestoreAsync(AttributionDbContext db, DumpFile dump, CancellationToken cancellationToken = default)
    {
        var plan = DumpPlan.For(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var written = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var table in plan.Tables)
            {
                if (dump.Rows.GetValueOrDefault(table.Name) is { Count: > 0 } rows)
                {
                    written += await InsertAsync(connection, transaction, sql, table, rows, utcOnly: !db.Database.IsSqlite(), cancellationToken);
                }
            }

            if (!db.Database.IsSqlite())
            {
                await ResetIdentitySequencesAsync(connection, transaction, sql, plan, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return written;
    }

    /// <param name="utcOnly">The store takes times with an offset only in UTC (Npgsql writes timestamptz from UTC values alone).</param>
    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, DumpTable table, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, bool utcOnly, CancellationToken cancellationToken)
    {
        var columns = table.Columns.Select(c => c.Name).Concat(table.ExcludedColumns).ToList();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToList();

        foreach (var row in ParentsFirst(table, rows))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = i < table.Columns.Count ? row.GetValueOrDefault(columns[i]) : DumpExclusions.FreshValue(table.Name, columns[i]);
                parameters[i].Value = (utcOnly && value is DateTimeOffset time ? time.ToUniversalTime() : value) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows.Count;
    }

    /// <summary>
    /// Sets the sequence behind each single-column integer key to the highest id restored (a table with no rows, or a key
    /// with no sequence, is left alone: <c>pg_get_serial_sequence</c> gives null and nothing is set).
    /// </summary>
    private static async Task ResetIdentitySequencesAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, DumpPlan plan, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        foreach (var table in plan.Tables)
        {
            if (table.Key is not [var key] || table.Column(key)?.Type is not { } type || (type != typeof(int) && type != typeof(long)))
            {
                continue;
            }

            var name = sql.DelimitIdentifier(table.Name, table.Schema);
            var id = sql.DelimitIdentifier(key);
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('{name}', '{key}'), MAX({id})) FROM {name} HAVING MAX({id}) IS NOT NULL";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>A table that refers to itself (a party's parent) gets each row after the row it refers to.</summary>
    private static IEnumerable<IReadOnlyDictionary<string, object?>> ParentsFirst(DumpTable table, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows)
    {
        var selfReferences = table.ForeignKeys.Where(fk => fk.PrincipalTable == table.Name).ToList();
        if (selfReferences.Count == 0)
        {
            return rows;
        }

        string? KeyOf(IReadOnlyDictionary<string, object?> row, IReadOnlyList<string> columns) =>
            columns.Any(c => row.GetValueOrDefault(c) is null) ? null : string.Join('\u001f', columns.Select(c => Convert.ToString(row[c], System.Globalization.CultureInfo.InvariantCulture)));

        var placed = new HashSet<string>();
        var ordered = new List<IReadOnlyDictionary<string, object?>>();
        var remaining = rows.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(r => selfReferences.All(fk => KeyOf(r, fk.Columns) is not { } parent || placed.Contains(parent) || parent == KeyOf(r, fk.PrincipalColumns))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"Rows of {table.Name} refer to each other in a cycle.");
            }

            foreach (var row in ready)
            {
                ordered.Add(row);
                foreach (var fk in selfReferences)
                {
                    if (KeyOf(row, fk.PrincipalColumns) is { } key)
                    {
                        placed.Add(key);
                    }
                }

                remaining.Remove(row);
            }
        }

        return ordered;
    }
}
