using System.Text.Json;

namespace AttributionTracker.Data.Dump;

/// <summary>Checks a parsed dump against the model: format, migration, tables, columns, value types, keys and references.</summary>
internal sealed class DumpChecker(DumpPlan plan, IReadOnlyList<string> knownMigrations)
{
    private const int MaxProblems = 20;

    private readonly List<string> problems = [];

    public (DumpFile? Dump, IReadOnlyList<string> Problems) Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, ["the file is JSON but not a dump: it should be an object with \"format\", \"migration\" and \"tables\""]);
        }

        var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format != DumpFormat.Version)
        {
            return (null, [format is null
                ? $"the file has no \"format\"; a dump of this version says \"{DumpFormat.Version}\""
                : $"the file is in format \"{format}\"; this version of AttributionTracker reads only \"{DumpFormat.Version}\""]);
        }

        var migration = root.TryGetProperty("migration", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (migration is null)
        {
            return (null, ["the file does not say which migration its store was at (\"migration\")"]);
        }

        if (!knownMigrations.Contains(migration))
        {
            return (null, [$"the dump comes from a store at migration {migration}, which this version of AttributionTracker does not know (it knows up to {knownMigrations.LastOrDefault()}): restore it with a newer version"]);
        }

        if (!root.TryGetProperty("tables", out var tables) || tables.ValueKind != JsonValueKind.Array)
        {
            return (null, ["the file has no \"tables\" list"]);
        }

        var rows = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var table in tables.EnumerateArray())
        {
            var name = table.ValueKind == JsonValueKind.Object && table.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : null;
            if (name is null)
            {
                Problem("a table in \"tables\" has no \"name\"");
                continue;
            }

            if (plan.Table(name) is not { } target)
            {
                Problem(DumpExclusions.TableReason(name) is { } reason
                    ? $"table {name} is never restored ({reason})"
                    : $"unknown table {name}: this store has no such table");
                continue;
            }

            if (rows.ContainsKey(name))
            {
                Problem($"table {name} appears twice");
                continue;
            }

            if (!table.TryGetProperty("rows", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                Problem($"table {name} has no \"rows\" list");
                continue;
            }

            rows[name] = Rows(target, list);
        }

        if (problems.Count == 0)
        {
            CheckKeys(rows);
        }

        return problems.Count == 0 ? (new DumpFile(migration, rows), []) : (null, problems);
    }

    private List<IReadOnlyDictionary<string, object?>> Rows(DumpTable table, JsonElement list)
    {
        var result = new List<IReadOnlyDictionary<string, object?>>();
        var number = 0;
        foreach (var row in list.EnumerateArray())
        {
            number++;
            if (row.ValueKind != JsonValueKind.Object)
            {
                Problem($"{table.Name} row {number} is not an object of columns");
                continue;
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in row.EnumerateObject())
            {
                if (table.Column(property.Name) is not { } column)
                {
                    Problem(table.ExcludedColumns.Contains(property.Name)
                        ? $"{table.Name} row {number}: column {property.Name} is never restored ({DumpExclusions.ColumnReason(table.Name, property.Name)})"
                        : $"{table.Name} row {number}: unknown column {property.Name}");
                }
                else if (!DumpValues.TryParse(property.Value, column.Type, out var value))
                {
                    Problem($"{table.Name} row {number}: {column.Name} should be {DumpValues.Describe(column.Type)}, not {Shorten(property.Value.GetRawText())}");
                }
                else if (value is null && !column.IsNullable)
                {
                    Problem($"{table.Name} row {number}: {column.Name} cannot be empty");
                }
                else
                {
                    values[column.Name] = value;
                }
            }

            foreach (var missing in table.Columns.Where(c => !c.IsNullable && !row.TryGetProperty(c.Name, out _)))
            {
                Problem($"{table.Name} row {number}: {missing.Name} is missing");
            }

            result.Add(values);
        }

        return result;
    }

    /// <summary>Every key unique, every reference to a row the dump holds.</summary>
    private void CheckKeys(Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> rows)
    {
        var keys = new Dictionary<(string Table, string Columns), HashSet<string>>();
        HashSet<string> KeysOf(string table, IReadOnlyList<string> columns)
        {
            if (!keys.TryGetValue((table, string.Join(',', columns)), out var set))
            {
                set = [.. rows.GetValueOrDefault(table, []).Select(r => Key(r, columns)).OfType<string>()];
                keys[(table, string.Join(',', columns))] = set;
            }

            return set;
        }

        foreach (var table in plan.Tables.Where(t => rows.ContainsKey(t.Name)))
        {
            var seen = new HashSet<string>();
            var number = 0;
            foreach (var row in rows[table.Name])
            {
                number++;
                var key = Key(row, table.Key) ?? "";
                if (!seen.Add(key))
                {
                    Problem($"{table.Name} row {number}: a second row with the key {Show(table.Key, key)}");
                }

                foreach (var fk in table.ForeignKeys)
                {
                    if (Key(row, fk.Columns) is { } reference && !KeysOf(fk.PrincipalTable, fk.PrincipalColumns).Contains(reference))
                    {
                        Problem($"{table.Name} row {number} ({Show(table.Key, key)}): {Show(fk.Columns, reference)} refers to no row of {fk.PrincipalTable}");
                    }
                }
            }
        }
    }

    /// <summary>The key as one string, or null when any part is empty (an absent reference).</summary>
    private static string? Key(IReadOnlyDictionary<string, object?> row, IReadOnlyList<string> columns)
    {
        var parts = new List<string>();
        foreach (var column in columns)
        {
            if (row.GetValueOrDefault(column) is not { } value)
            {
                return null;
            }

            parts.Add(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return string.Join('\u001f', parts);
    }

    private static string Show(IReadOnlyList<string> columns, string key) =>
        string.Join(", ", columns.Zip(key.Split('\u001f'), (c, v) => $"{c} {v}"));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private void Problem(string message)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(message);
        }
        else if (problems.Count == MaxProblems)
        {
            problems.Add("… and more; nothing is restored until all are fixed");
        }
    }
}
