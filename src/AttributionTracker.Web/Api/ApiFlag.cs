using AttributionTracker.Queries;

namespace AttributionTracker.Web.Api;

/// <summary>A true/false query value, read as the pages' check boxes send it.</summary>
public static class ApiFlag
{
    /// <summary>False when absent; a value other than true or false is reported under <paramref name="name"/>.</summary>
    public static bool Read(string name, string? raw, ICollection<StatementFilterError> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        if (bool.TryParse(raw.Trim(), out var value))
        {
            return value;
        }

        errors.Add(new StatementFilterError(name, $"“{raw}” is neither true nor false."));
        return false;
    }
}
