using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AttributionTracker.Data.Dump;

/// <summary>One column of a dumped table, with the CLR type its values are read and written as.</summary>
public sealed record DumpColumn(string Name, Type Type, bool IsNullable);

/// <summary>A foreign key of a dumped table: its columns name a row of <paramref name="PrincipalTable"/> by <paramref name="PrincipalColumns"/>.</summary>
public sealed record DumpForeignKey(IReadOnlyList<string> Columns, string PrincipalTable, IReadOnlyList<string> PrincipalColumns);

public sealed record DumpTable(
    string Name,
    string? Schema,
    IReadOnlyList<DumpColumn> Columns,
    IReadOnlyList<string> Key,
    IReadOnlyList<DumpForeignKey> ForeignKeys,
    IReadOnlyList<string> ExcludedColumns)
{
    public DumpColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>
/// The tables of the EF model in an order that satisfies their foreign keys (principals first), with the excluded tables
/// and columns taken out. Read from the model, not written down, so a table added later is dumped without a change here.
/// </summary>
public sealed record DumpPlan(IReadOnlyList<DumpTable> Tables, IReadOnlyList<(string Table, string Reason)> ExcludedTables)
{
    public DumpTable? Table(string name) => Tables.FirstOrDefault(t => t.Name == name);

    public static DumpPlan For(AttributionDbContext db) => For(db.Model);

    public static DumpPlan For(IModel model)
    {
        var tables = new List<DumpTable>();
        var excluded = new List<(string, string)>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            if (DumpExclusions.TableReason(table.Name) is { } reason)
            {
                excluded.Add((table.Name, reason));
                continue;
            }

            var columns = table.Columns
                .Where(c => DumpExclusions.ColumnReason(table.Name, c.Name) is null)
                .Select(c => new DumpColumn(c.Name, Supported(table.Name, c), c.IsNullable))
                .ToList();
            var key = table.PrimaryKey?.Columns.Select(c => c.Name).ToList()
                ?? throw new InvalidOperationException($"Table {table.Name} has no primary key; a dump could not keep its rows apart.");
            var foreignKeys = table.ForeignKeyConstraints
                .Select(fk => new DumpForeignKey(
                    [.. fk.Columns.Select(c => c.Name)],
                    fk.PrincipalTable.Name,
                    [.. fk.PrincipalColumns.Select(c => c.Name)]))
                .ToList();
            var excludedColumns = table.Columns.Select(c => c.Name).Where(c => DumpExclusions.ColumnReason(table.Name, c) is not null).ToList();
            tables.Add(new DumpTable(table.Name, table.Schema, columns, key, foreignKeys, excludedColumns));
        }

        foreach (var table in tables)
        {
            if (table.ForeignKeys.FirstOrDefault(fk => excluded.Any(e => e.Item1 == fk.PrincipalTable)) is { } dangling)
            {
                throw new InvalidOperationException($"Table {table.Name} refers to {dangling.PrincipalTable}, which dumps leave out; its rows could not be restored.");
            }
        }

        return new DumpPlan(PrincipalsFirst(tables), excluded);
    }

    private static Type Supported(string table, IColumn column)
    {
        var type = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;
        return DumpValues.IsSupported(type)
            ? type
            : throw new NotSupportedException($"Column {table}.{column.Name} is of type {type.Name}, which dumps cannot write yet; add it to DumpValues.");
    }

    /// <summary>Tables ordered so that every table comes after those it refers to; a table may refer to itself.</summary>
    private static List<DumpTable> PrincipalsFirst(List<DumpTable> tables)
    {
        var ordered = new List<DumpTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(t => t.ForeignKeys.All(fk => fk.PrincipalTable == t.Name || placed.Contains(fk.PrincipalTable)))
                ?? throw new InvalidOperationException($"The tables {string.Join(", ", remaining.Select(t => t.Name))} refer to each other in a cycle; a dump cannot order them.");
            ordered.Add(ready);
            placed.Add(ready.Name);
            remaining.Remove(ready);
        }

        return ordered;
    }
}
