using CsvHelper;

namespace AttributionTracker.Web.Tests.Incidents;

/// <summary>A downloaded CSV file read back: its header and its records by column name.</summary>
internal sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static CsvTable Read(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<IReadOnlyDictionary<string, string>>();
        IReadOnlyList<string>? header = null;
        while (reader.Read())
        {
            header ??= [.. reader.Headers];
            rows.Add(header.Select((name, i) => (name, value: reader.GetString(i) ?? "")).ToDictionary(x => x.name, x => x.value));
        }

        return new CsvTable(header ?? [.. reader.Headers], rows);
    }

    public IReadOnlyList<string> Column(string name) => [.. Rows.Select(r => r[name])];
}
