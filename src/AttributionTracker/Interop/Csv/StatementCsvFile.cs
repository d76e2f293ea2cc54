using CsvHelper;
using C = AttributionTracker.Interop.Csv.StatementCsvColumns;

namespace AttributionTracker.Interop.Csv;

/// <summary>The first step of a statements import: the file's form (header, cells, lengths), before any lookup.</summary>
internal static class StatementCsvFile
{
    /// <summary>
    /// The raw cells by column name, each with its row number as a spreadsheet shows it (the header is row 1), and
    /// the problems of form: the header, the number of cells, lengths. Rows are not read when the header is wrong.
    /// </summary>
    public static (List<(int Row, Dictionary<string, string> Cells)> Rows, List<string> Problems, bool HeaderOk) Read(Stream stream)
    {
        var problems = new List<string>();
        var rows = new List<(int, Dictionary<string, string>)>();
        var number = 1;
        try
        {
            using var csv = CsvReader.Create(stream, CsvFormat.ReaderOptions, leaveOpen: true);
            var header = csv.Headers.Select(h => h.Trim()).ToList();
            if (header.Count == 0 || header.All(h => h.Length == 0))
            {
                return (rows, ["the file is empty: the first row must name the columns"], false);
            }

            foreach (var missing in C.All.Where(c => c.Read && !header.Contains(c.Name)))
            {
                problems.Add($"header: missing column {missing.Name}");
            }

            foreach (var unknown in header.Where(h => !C.Names.Contains(h)).Distinct())
            {
                problems.Add($"header, column {unknown}: not a column of the statements CSV (expected {string.Join(", ", C.Names)})");
            }

            foreach (var twice in header.GroupBy(h => h).Where(g => g.Count() > 1))
            {
                problems.Add($"header, column {twice.Key}: appears {twice.Count()} times");
            }

            if (problems.Count > 0)
            {
                return (rows, problems, false);
            }

            while (csv.Read())
            {
                number++;
                if (rows.Count == C.MaxRows)
                {
                    problems.Add($"row {number}: more than {C.MaxRows} rows; split the file");
                    break;
                }

                if (csv.FieldCount != header.Count)
                {
                    problems.Add($"row {number}: {csv.FieldCount} cells where the header has {header.Count}");
                    continue;
                }

                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Count; i++)
                {
                    var (name, _, max) = C.All.First(c => c.Name == header[i]);
                    var cell = CsvFormat.Unescape(csv.GetString(i)).Trim();
                    if (cell.Length > max)
                    {
                        problems.Add($"row {number}, column {name}: {cell.Length} characters; at most {max}");
                        cell = "";
                    }

                    cells[name] = cell;
                }

                rows.Add((number, cells));
            }
        }
        catch (Exception e) when (e is CsvFormatException or CsvValidationException or System.Text.DecoderFallbackException or ArgumentException or InvalidDataException)
        {
            problems.Add($"row {number + 1}: not readable as CSV: {e.Message}");
            return (rows, problems, false);
        }

        return (rows, problems, true);
    }
}
