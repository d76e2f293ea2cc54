using AttributionTracker.Domain;

namespace AttributionTracker.Import.Dates;

/// <summary>What an expression fixes before the article date is known.</summary>
internal enum DateAnchor : byte
{
    /// <summary>A written year: "March 2021", "en 2020".</summary>
    Absolute,

    /// <summary>The article's year plus <see cref="DateSpec.Offset"/>: "last year", "27 June last year".</summary>
    YearOffset,

    /// <summary>The article's month plus the offset: "el mes pasado", "three months ago".</summary>
    MonthOffset,

    /// <summary>The article's day plus the offset: "ayer".</summary>
    DayOffset,

    /// <summary>A month (and day) without a year: the nearest one in <see cref="DateSpec.Direction"/> ("en marzo").</summary>
    NearestMonth,

    /// <summary>A weekday: the nearest one in the direction ("el lunes", "el pasado martes").</summary>
    Weekday,
}

/// <summary>A parsed expression: its anchor plus whatever month, day and part the text gave (0 = not given).</summary>
internal readonly record struct DateSpec(
    DateAnchor Anchor,
    int Year = 0,
    int Month = 0,
    int Day = 0,
    DatePart? Part = null,
    int Offset = 0,
    Direction Direction = Direction.OnOrBefore,
    int Weekday = -1)
{
    public bool IsRelative => Anchor != DateAnchor.Absolute;

    public static DateSpec Relative(RelativeDate relative) => relative.Unit switch
    {
        DateUnit.Year => new DateSpec(DateAnchor.YearOffset, Offset: relative.Offset),
        DateUnit.Month => new DateSpec(DateAnchor.MonthOffset, Offset: relative.Offset),
        _ => new DateSpec(DateAnchor.DayOffset, Offset: relative.Offset),
    };

    /// <summary>The date this names, or null when it needs a reference that is missing or names no real day.</summary>
    public PartialDate? Resolve(DateOnly? reference)
    {
        if (Anchor == DateAnchor.Absolute)
        {
            return Build(Year, Month, Day, Part);
        }

        if (reference is not { } r)
        {
            return null;
        }

        switch (Anchor)
        {
            case DateAnchor.YearOffset:
                return Build(r.Year + Offset, Month, Day, Part);
            case DateAnchor.MonthOffset:
                var month = r.AddMonths(Offset);
                return Build(month.Year, month.Month, 0, Part);
            case DateAnchor.DayOffset:
                return PartialDate.OfDay(r.AddDays(Offset));
            case DateAnchor.Weekday:
                var back = ((int)r.DayOfWeek - Weekday + 7) % 7;
                var ahead = (Weekday - (int)r.DayOfWeek + 7) % 7;
                return PartialDate.OfDay(Direction switch
                {
                    Direction.Before => r.AddDays(back == 0 ? -7 : -back),
                    Direction.After => r.AddDays(ahead == 0 ? 7 : ahead),
                    _ => r.AddDays(-back),
                });
            default:
                // Compare (month, day) with the reference's; a month alone compares as its whole self.
                var order = Month != r.Month ? Month.CompareTo(r.Month) : Day == 0 ? 0 : Day.CompareTo(r.Day);
                var year = Direction switch
                {
                    Direction.Before => order >= 0 ? r.Year - 1 : r.Year,
                    Direction.After => order <= 0 ? r.Year + 1 : r.Year,
                    _ => order > 0 ? r.Year - 1 : r.Year,
                };
                return Build(year, Month, Day, Part);
        }
    }

    private static PartialDate? Build(int year, int month, int day, DatePart? part)
    {
        if (year is < 1 or > 9999)
        {
            return null;
        }

        if (month == 0)
        {
            var whole = PartialDate.OfYear(year);
            return part is { } p ? whole.Part(p) : whole;
        }

        if (day == 0)
        {
            var whole = PartialDate.OfMonth(year, month);
            return part is { } p ? whole.Part(p) : whole;
        }

        return day <= DateTime.DaysInMonth(year, month) ? PartialDate.OfDay(year, month, day) : null;
    }
}
