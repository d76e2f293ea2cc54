using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AttributionTracker.Domain;

/// <summary>
/// A date known only to some precision. Stored as the first day of the period it names plus that precision,
/// so it sorts and range-filters like a date while never claiming more than the source said.
/// </summary>
public sealed record PartialDate : IComparable<PartialDate>
{
    private static readonly string[] Qualifiers = ["early", "mid", "late"];

    // EF Core binds complex types through this constructor; the public factories below validate.
    private PartialDate(DateOnly start, DatePrecision precision)
    {
        Start = start;
        Precision = precision;
    }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start { get; }

    public DatePrecision Precision { get; }

    public int Year => Start.Year;

    public int? Month => Precision >= DatePrecision.Month ? Start.Month : null;

    public int? Day => Precision == DatePrecision.Day ? Start.Day : null;

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.EarlyYear => new DateOnly(Year, 4, 30),
        DatePrecision.MidYear => new DateOnly(Year, 8, 31),
        DatePrecision.LateYear => new DateOnly(Year, 12, 31),
        DatePrecision.Month => LastOfMonth(Start),
        DatePrecision.EarlyMonth => Start.AddDays(9),
        DatePrecision.MidMonth => Start.AddDays(9),
        DatePrecision.LateMonth => LastOfMonth(Start),
        _ => Start,
    };

    public static PartialDate OfYear(int year) => new(new DateOnly(CheckYear(year), 1, 1), DatePrecision.Year);

    public static PartialDate OfMonth(int year, int month) =>
        new(new DateOnly(CheckYear(year), CheckMonth(month), 1), DatePrecision.Month);

    public static PartialDate OfDay(int year, int month, int day) =>
        new(new DateOnly(CheckYear(year), CheckMonth(month), day), DatePrecision.Day);

    public static PartialDate OfDay(DateOnly day) => new(day, DatePrecision.Day);

    /// <summary>The early, middle or late part of a year or month ("a principios de marzo").</summary>
    public PartialDate Part(DatePart part) => Precision switch
    {
        DatePrecision.Year => new PartialDate(
            new DateOnly(Year, part switch { DatePart.Early => 1, DatePart.Mid => 5, _ => 9 }, 1),
            part switch { DatePart.Early => DatePrecision.EarlyYear, DatePart.Mid => DatePrecision.MidYear, _ => DatePrecision.LateYear }),
        DatePrecision.Month => new PartialDate(
            new DateOnly(Year, Start.Month, part switch { DatePart.Early => 1, DatePart.Mid => 11, _ => 21 }),
            part switch { DatePart.Early => DatePrecision.EarlyMonth, DatePart.Mid => DatePrecision.MidMonth, _ => DatePrecision.LateMonth }),
        _ => throw new InvalidOperationException($"Only a year or a month has an early, mid or late part, not {this}."),
    };

    /// <summary>True when the period can have begun on or before <paramref name="day"/>.</summary>
    public bool MayPrecede(DateOnly day) => Start <= day;

    /// <summary>
    /// The canonical text form: ISO 8601 reduced precision ("2021", "2021-03", "2021-03-19"),
    /// with a part prefix where the source gave one ("early 2021-03").
    /// </summary>
    public override string ToString()
    {
        var iso = Precision switch
        {
            DatePrecision.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            >= DatePrecision.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => Year.ToString("D4", CultureInfo.InvariantCulture),
        };
        return PartOf(Precision) is { } part ? $"{Qualifiers[(int)part]} {iso}" : iso;
    }

    /// <summary>How a reader would say it: "2021", "early March 2021", "19 July 2021".</summary>
    public string ToDisplayString()
    {
        var inv = CultureInfo.InvariantCulture;
        var body = Precision switch
        {
            DatePrecision.Day => Start.ToString("d MMMM yyyy", inv),
            >= DatePrecision.Month => Start.ToString("MMMM yyyy", inv),
            _ => Year.ToString("D4", inv),
        };
        return PartOf(Precision) is { } part ? $"{Qualifiers[(int)part]} {body}" : body;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date such as 2021, 2021-03, 2021-03-19 or early 2021-03.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PartialDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        DatePart? qualifier = null;
        if (parts.Length == 2)
        {
            var index = Array.IndexOf(Qualifiers, parts[0].ToLowerInvariant());
            if (index < 0)
            {
                return false;
            }

            qualifier = (DatePart)index;
        }
        else if (parts.Length != 1)
        {
            return false;
        }

        var iso = parts[^1];
        PartialDate? parsed = iso.Length switch
        {
            4 when int.TryParse(iso, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 1 => OfYear(y),
            7 when DateOnly.TryParseExact(iso + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) => OfMonth(m.Year, m.Month),
            10 when DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => OfDay(d),
            _ => null,
        };
        if (parsed is null || (qualifier is not null && parsed.Precision == DatePrecision.Day))
        {
            return false;
        }

        date = qualifier is { } q ? parsed.Part(q) : parsed;
        return true;
    }

    public int CompareTo(PartialDate? other) =>
        other is null ? 1 : Start != other.Start ? Start.CompareTo(other.Start) : Precision.CompareTo(other.Precision);

    internal static DatePart? PartOf(DatePrecision precision) => precision switch
    {
        DatePrecision.EarlyYear or DatePrecision.EarlyMonth => DatePart.Early,
        DatePrecision.MidYear or DatePrecision.MidMonth => DatePart.Mid,
        DatePrecision.LateYear or DatePrecision.LateMonth => DatePart.Late,
        _ => null,
    };

    private static DateOnly LastOfMonth(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));

    private static int CheckYear(int year) =>
        year is >= 1 and <= 9999 ? year : throw new ArgumentOutOfRangeException(nameof(year), year, "A year is between 1 and 9999.");

    private static int CheckMonth(int month) =>
        month is >= 1 and <= 12 ? month : throw new ArgumentOutOfRangeException(nameof(month), month, "A month is between 1 and 12.");
}

public enum DatePart
{
    Early,
    Mid,
    Late,
}
