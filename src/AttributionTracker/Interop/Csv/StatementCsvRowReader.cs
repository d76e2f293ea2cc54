using System.Globalization;

namespace AttributionTracker.Interop.Csv;

/// <summary>One row's cells, reporting each problem as "row N, column X: message".</summary>
internal sealed class RowReader(int number, IReadOnlyDictionary<string, string> cells, List<string> problems)
{
    public string? Optional(string column) => cells.TryGetValue(column, out var v) && v.Length > 0 ? v : null;

    public string? Required(string column)
    {
        var value = Optional(column);
        if (value is null)
        {
            Problem(column, "required");
        }

        return value;
    }

    public int? Int(string column) => Optional(column) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : Fail<int?>(column, $"“{text}” is not a whole number");

    public void Problem(string column, string message) => problems.Add($"row {number}, column {column}: {message}");

    /// <summary>Reports and returns a placeholder, so a row goes on being checked after its first problem.</summary>
    public T? Fail<T>(string column, string message)
    {
        Problem(column, message);
        return default;
    }
}
