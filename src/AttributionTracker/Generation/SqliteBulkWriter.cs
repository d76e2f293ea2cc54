using System.Data;
using Microsoft.Data.Sqlite;

namespace AttributionTracker.Generation;

/// <summary>
/// Bulk load into SQLite: one connection, one transaction, a prepared parameterized INSERT per table reused for every
/// row, and for the duration <c>synchronous=OFF</c>, a large page cache and a rollback journal (cheap for appended
/// pages) instead of WAL. The search index (migration SiteSearch) is not kept row by row: its insert triggers are
/// dropped and recreated afterwards exactly as stored; the statement and source indexes (FTS5 external content) are
/// rebuilt once, and the names index gets one row per new actor, party and incident from the expression of that
/// table's own insert trigger.
/// </summary>
public sealed class SqliteBulkWriter(SqliteConnection connection) : IBulkWriter
{
    private static readonly string[] RebuiltIndexes = ["SearchStatements", "SearchSources"];

    /// <summary>Tables whose rows have a row in "SearchNames", and the triggers that keep it as rows and aliases come.</summary>
    private static readonly string[] NameOwners = ["Actors", "Incidents", "Parties"];

    private static readonly string[] PausedTriggers =
    [
        "Search_Statements_Insert", "Search_Sources_Insert",
        "Search_Actors_Insert", "Search_ActorAliases_Insert",
        "Search_Incidents_Insert", "Search_IncidentAlias_Insert",
        "Search_Parties_Insert", "Search_PartyAliases_Insert",
    ];

    private const int ProgressEvery = 2_000;

    private readonly Dictionary<string, SqliteCommand> inserts = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Sql)> triggers = [];
    private readonly Dictionary<string, long> lastIdBefore = new(StringComparer.Ordinal);
    private string? journalMode;
    private long synchronous;
    private long cacheSize;
    private SqliteTransaction? transaction;

    public async Task BeginAsync(CancellationToken ct)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        journalMode = (string?)Scalar("PRAGMA journal_mode;");
        synchronous = (long)Scalar("PRAGMA synchronous;")!;
        cacheSize = (long)Scalar("PRAGMA cache_size;")!;
        Execute("PRAGMA synchronous=OFF;");
        Execute("PRAGMA cache_size=-131072;");
        Execute("PRAGMA temp_store=MEMORY;");
        if (string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            // Leaving WAL needs the only connection; another one (a running web app) keeps WAL, the load is then
            // only slower (every page written twice).
            try
            {
                using var leave = Command("PRAGMA journal_mode=TRUNCATE;");
                leave.CommandTimeout = 1;
                leave.ExecuteScalar();
            }
            catch (SqliteException)
            {
            }
        }

        transaction = connection.BeginTransaction(deferred: false);
        using (var read = Command("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name;"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                if (PausedTriggers.Contains(reader.GetString(0), StringComparer.Ordinal))
                {
                    triggers.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
        }

        foreach (var table in NameOwners)
        {
            lastIdBefore[table] = (long)Scalar($"SELECT coalesce(max(\"Id\"), 0) FROM \"{table}\";")!;
        }

        foreach (var (name, _) in triggers)
        {
            Execute($"DROP TRIGGER \"{name}\";");
        }
    }

    public Task WriteAsync(IReadOnlyList<GeneratedTable> tables, IEnumerable<(GeneratedTable Table, object?[] Values)> rows, IGenerationProgress progress, CancellationToken ct)
    {
        var pending = tables.ToDictionary(t => t.Name, _ => 0L, StringComparer.Ordinal);
        foreach (var (table, values) in rows)
        {
            var insert = Insert(table);
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
            if (++pending[table.Name] == ProgressEvery)
            {
                progress.Advance(table.Name, ProgressEvery);
                pending[table.Name] = 0;
                ct.ThrowIfCancellationRequested();
            }
        }

        foreach (var (name, count) in pending)
        {
            progress.Advance(name, count);
        }

        return Task.CompletedTask;
    }

    public Task CompleteAsync(IGenerationProgress progress, CancellationToken ct)
    {
        progress.Begin("Search index", RebuiltIndexes.Length + NameOwners.Length);
        foreach (var index in RebuiltIndexes)
        {
            Execute($"INSERT INTO \"{index}\" (\"{index}\") VALUES ('rebuild');");
            progress.Advance("Search index", 1);
        }

        foreach (var table in NameOwners)
        {
            if (triggers.FirstOrDefault(t => t.Name == $"Search_{table}_Insert").Sql is { } trigger)
            {
                Execute(NamesRowsSql(table, trigger, lastIdBefore[table]));
            }

            progress.Advance("Search index", 1);
        }

        foreach (var (_, sql) in triggers)
        {
            Execute(sql + ";");
        }

        progress.End("Search index");
        transaction!.Commit();
        transaction = null;

        progress.Begin("Statistics", 1);
        Execute("ANALYZE;");
        progress.Advance("Statistics", 1);
        progress.End("Statistics");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var command in inserts.Values)
        {
            command.Dispose();
        }

        inserts.Clear();
        if (transaction is not null)
        {
            // A failure part-way: nothing of the load stays, the dropped triggers included.
            transaction.Rollback();
            transaction.Dispose();
            transaction = null;
        }

        if (journalMode is not null && connection.State == ConnectionState.Open)
        {
            Execute($"PRAGMA synchronous={synchronous};");
            Execute($"PRAGMA cache_size={cacheSize};");
            Scalar($"PRAGMA journal_mode={journalMode};");
            journalMode = null;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The insert trigger's own row expression run once over every new row of its table: its VALUES list, with the
    /// trigger's new."Id" read from the outer row (as migration SiteSearch indexes what is already stored).
    /// </summary>
    private static string NamesRowsSql(string table, string trigger, long after)
    {
        const string Values = "VALUES (";
        var start = trigger.IndexOf(Values, StringComparison.Ordinal);
        var end = trigger.LastIndexOf(");", StringComparison.Ordinal);
        var into = trigger.IndexOf("INSERT INTO", StringComparison.Ordinal);
        if (start < 0 || end < start || into < 0)
        {
            throw new InvalidOperationException($"The search trigger on {table} is not of the shape migration SiteSearch made: {trigger}");
        }

        var target = trigger[into..start];
        var row = trigger[(start + Values.Length)..end].Replace("new.\"Id\"", "o.\"Id\"", StringComparison.Ordinal);
        return $"{target}SELECT {row} FROM \"{table}\" AS o WHERE o.\"Id\" > {after};";
    }

    private SqliteCommand Insert(GeneratedTable table)
    {
        if (inserts.TryGetValue(table.Name, out var insert))
        {
            return insert;
        }

        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
        var parameters = string.Join(", ", table.Columns.Select((_, i) => "$p" + i));
        insert = Command($"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({parameters});");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            insert.Parameters.Add(new SqliteParameter("$p" + i, table.Types[i] switch
            {
                GeneratedColumnType.Integer => SqliteType.Integer,
                _ => SqliteType.Text,
            }));
        }

        insert.Prepare();
        inserts[table.Name] = insert;
        return insert;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }
}
