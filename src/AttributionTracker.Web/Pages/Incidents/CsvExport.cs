using System.Globalization;
using System.Text;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using CsvHelper;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>The incident list as a CSV file: one record per row of the list, in the list's order.</summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static IReadOnlyList<string> Header { get; } =
    [
        "Incident", "Incident date", "Accusing parties", "Accusing states", "Accused actors", "Accused states",
        "Highest confidence", "Matching statements", "Latest statement", "URL",
    ];

    // Spreadsheets run a cell that starts with = + - @ as a formula, and a quote or a name in the store is
    // outside text; the library puts an apostrophe before such a cell. The byte order mark makes Excel read UTF-8.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write(IReadOnlyList<ListRow> rows, Func<ListRow, string> urlOf)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. Header]);
            foreach (var row in rows)
            {
                csv.WriteRecord(
                [
                    row.Name,
                    row.Date?.ToString() ?? "",
                    string.Join("; ", row.Accusers.Select(p => p.Name)),
                    string.Join("; ", row.AccusingStates),
                    string.Join("; ", row.AccusedActors.Select(a => a.Name)),
                    string.Join("; ", row.AccusedStates),
                    row.HighestConfidence?.ToLabel() ?? "",
                    row.Statements.ToString(CultureInfo.InvariantCulture),
                    row.LatestStatement?.ToString() ?? "",
                    urlOf(row),
                ]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A file name that says what was filtered: incidents_accused-CN_conf-highly-likely.csv.</summary>
    public static string FileName(StatementFilter filter)
    {
        var name = new StringBuilder("incidents");
        foreach (var (key, value) in filter.ToQuery())
        {
            var safe = key == StatementFilterQuery.AccusedState || key == StatementFilterQuery.AccusingState ? value : Slug.From(value).Value;
            name.Append('_').Append(key).Append('-').Append(safe);
        }

        return name.Append(".csv").ToString();
    }
}
