using System.Globalization;
using CsvHelper;

namespace AttributionTracker.Interop.Csv;

/// <summary>
/// What every CSV file of the store shares: UTF-8 with a byte order mark (so Excel reads it as UTF-8), lists in
/// one cell separated by "; ", and spreadsheet formula injection escaped in a way an import can undo.
/// </summary>
public static class CsvFormat
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string ListSeparator = "; ";

    /// <summary>
    /// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, and quotes and
    /// names are outside text; CsvHelper puts an apostrophe before such a cell. A text that starts with an
    /// apostrophe already gets one more (<see cref="Text"/>: CsvHelper will not take its own escape as a trigger),
    /// so an import strips exactly one leading apostrophe and gets the stored text back.
    /// </summary>
    public static CsvWriterOptions WriterOptions { get; } = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>
    /// Commas only (a guessed separator would make a bad file look like another one); a broken quote is an error, not
    /// repaired; a record of more than 1 MB (an unclosed quote in a hostile file) stops the read.
    /// </summary>
    public static CsvReaderOptions ReaderOptions { get; } = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        MaxRecordSize = 1 << 20,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private const char Escape = '\'';

    /// <summary>A text cell as written: see <see cref="WriterOptions"/>.</summary>
    public static string Text(string? value) => value is { Length: > 0 } && value[0] == Escape ? Escape + value : value ?? "";

    /// <summary>A cell as it was before <see cref="WriterOptions"/> escaped it.</summary>
    public static string Unescape(string cell) => cell.Length > 0 && cell[0] == Escape ? cell[1..] : cell;

    public static string Join(IEnumerable<string> values) => string.Join(ListSeparator, values);

    public static IReadOnlyList<string> Split(string cell) =>
        [.. cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
