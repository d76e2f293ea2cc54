using System.Globalization;
using AttributionTracker.Domain;

namespace AttributionTracker.Interop.Stix;

/// <summary>STIX timestamps (RFC 3339, UTC, at least milliseconds) both ways, keeping every stored digit so round trips are exact.</summary>
public static class StixTime
{
    public static string Format(DateTime utc)
    {
        var text = DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        var trimmed = text.TrimEnd('0');
        var fraction = trimmed.Length - (text.Length - 7);
        return (fraction < 3 ? text[..(text.Length - 4)] : trimmed) + "Z";
    }

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00.000Z";

    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        utc = parsed.UtcDateTime;
        return true;
    }

    /// <summary>A partial date from its text form, or from a timestamp that carries only a day (OpenCTI's "published").</summary>
    public static PartialDate? Day(string? timestamp) =>
        TryParse(timestamp, out var t) ? PartialDate.OfDay(DateOnly.FromDateTime(t)) : null;
}
