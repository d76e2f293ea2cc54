using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace AttributionTracker.Generation;

/// <summary>
/// Bulk load into PostgreSQL: binary COPY per table, all in one transaction (a failure leaves nothing), with
/// <c>synchronous_commit</c> off for it. The secondary indexes of the big tables (the GIN search indexes among them)
/// are dropped for the load and created again from their stored definitions, which is much faster than keeping them
/// row by row; the search vectors are generated columns. The names index's row triggers (migration SiteSearch) are
/// disabled for the load and its rows for the new actors, parties and incidents written at once from the migration's
/// own view of them, <c>SearchNameRows</c>. Then the identity sequences are moved past the ids written and the tables
/// analysed.
/// </summary>
public sealed class PostgresBulkWriter(NpgsqlConnection connection) : IBulkWriter
{
    private static readonly string[] ReindexedTables = ["Sources", "Statements", "StatementParty", "StatementAnswer"];

    /// <summary>Tables whose rows have a row in "SearchNames" (kind 1, 2, 3), and the tables of their aliases.</summary>
    private static readonly string[] NameOwners = ["Actors", "Incidents", "Parties"];

    private static readonly string[] NameTables = ["Actors", "ActorAliases", "Incidents", "IncidentAlias", "Parties", "PartyAliases"];

    private const int ProgressEvery = 2_000;

    private readonly Dictionary<string, long> lastIdBefore = new(StringComparer.Ordinal);
    private bool namesPaused;

    private readonly List<(string Name, string Definition)> indexes = [];
    private readonly HashSet<string> written = new(StringComparer.Ordinal);
    private NpgsqlTransaction? transaction;

    public async Task BeginAsync(CancellationToken ct)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync("SET LOCAL synchronous_commit = off;", ct);
        await using (var read = Command("""
            SELECT i.indexname, i.indexdef FROM pg_indexes AS i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conname = i.indexname)
            ORDER BY i.tablename, i.indexname;
            """))
        {
            read.Parameters.AddWithValue("tables", ReindexedTables);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\";", ct);
        }

        await using (var view = Command("SELECT count(*) FROM pg_views WHERE schemaname = current_schema() AND viewname = 'SearchNameRows';"))
        {
            namesPaused = (long)(await view.ExecuteScalarAsync(ct))! == 1;
        }

        if (namesPaused)
        {
            foreach (var table in NameOwners)
            {
                await using var max = Command($"SELECT coalesce(max(\"Id\"), 0)::bigint FROM \"{table}\";");
                lastIdBefore[table] = (long)(await max.ExecuteScalarAsync(ct))!;
            }

            foreach (var table in NameTables)
            {
                await ExecuteAsync($"ALTER TABLE \"{table}\" DISABLE TRIGGER \"Search_{table}\";", ct);
            }
        }
    }

    public async Task WriteAsync(IReadOnlyList<GeneratedTable> tables, IEnumerable<(GeneratedTable Table, object?[] Values)> rows, IGenerationProgress progress, CancellationToken ct)
    {
        // COPY takes one table at a time: the rows are made again for each table (the same rows, see StoreGenerator).
        foreach (var table in tables)
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
            await using var import = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            import.Timeout = TimeSpan.FromHours(1);
            var types = table.Types.Select(DbType).ToArray();
            var pending = 0;
            foreach (var (rowTable, values) in rows)
            {
                if (!ReferenceEquals(rowTable, table))
                {
                    continue;
                }

                await import.StartRowAsync(ct);
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is null)
                    {
                        await import.WriteNullAsync(ct);
                    }
                    else
                    {
                        await import.WriteAsync(values[i], types[i], ct);
                    }
                }

                if (++pending == ProgressEvery)
                {
                    progress.Advance(table.Name, pending);
                    pending = 0;
                }
            }

            await import.CompleteAsync(ct);
            progress.Advance(table.Name, pending);
            if (table.ExplicitIds)
            {
                written.Add(table.Name);
            }
        }
    }

    public async Task CompleteAsync(IGenerationProgress progress, CancellationToken ct)
    {
        progress.Begin("Search index", indexes.Count + 1);
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(definition + ";", ct);
            progress.Advance("Search index", 1);
        }

        if (namesPaused)
        {
            await ExecuteAsync($"""
                INSERT INTO "SearchNames" ("Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary")
                SELECT "Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary" FROM "SearchNameRows"
                WHERE ("Kind" = 1 AND "Id" > {lastIdBefore["Actors"]}) OR ("Kind" = 2 AND "Id" > {lastIdBefore["Incidents"]}) OR ("Kind" = 3 AND "Id" > {lastIdBefore["Parties"]});
                """, ct);
            foreach (var table in NameTables)
            {
                await ExecuteAsync($"ALTER TABLE \"{table}\" ENABLE TRIGGER \"Search_{table}\";", ct);
            }
        }

        progress.Advance("Search index", 1);

        progress.End("Search index");
        foreach (var table in written)
        {
            await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"));", ct);
        }

        await transaction!.CommitAsync(ct);
        await transaction.DisposeAsync();
        transaction = null;

        progress.Begin("Statistics", 1);
        await ExecuteAsync("ANALYZE;", ct);
        progress.Advance("Statistics", 1);
        progress.End("Statistics");
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            // A failure part-way: nothing of the load stays, the dropped indexes included.
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            transaction = null;
        }
    }

    private static NpgsqlDbType DbType(GeneratedColumnType type) => type switch
    {
        GeneratedColumnType.Integer => NpgsqlDbType.Integer,
        GeneratedColumnType.Date => NpgsqlDbType.Date,
        GeneratedColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        _ => NpgsqlDbType.Text,
    };

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction) { CommandTimeout = 0 };

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
