using System.Globalization;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>One tick on the date axis; a major tick starts a year.</summary>
public sealed record TimelineTick(DateOnly Day, string Label, bool Major);

/// <summary>
/// The date axis: a span a little wider than the dates it must show (so a mark never sits on the edge) and ticks at
/// the finest calendar step — day, week, month, quarter, half-year, or some years — that leaves room for their labels.
/// </summary>
public sealed record TimelineAxis(DateOnly From, DateOnly To, IReadOnlyList<TimelineTick> Ticks)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (int Days, int Months, int Years)[] Steps =
    [
        (1, 0, 0), (7, 0, 0), (0, 1, 0), (0, 3, 0), (0, 6, 0),
        (0, 0, 1), (0, 0, 2), (0, 0, 5), (0, 0, 10), (0, 0, 25), (0, 0, 50), (0, 0, 100),
    ];

    /// <summary>Days from <see cref="From"/> to <see cref="To"/> (exclusive).</summary>
    public int Days => To.DayNumber - From.DayNumber;

    /// <summary>An axis showing every day from <paramref name="first"/> to <paramref name="last"/>, with at most <paramref name="maxTicks"/> ticks.</summary>
    public static TimelineAxis Spanning(DateOnly first, DateOnly last, int maxTicks)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        var pad = Math.Max(3, days / 20);
        var from = first.AddDays(-pad);
        var to = last.AddDays(pad + 1);
        foreach (var step in Steps)
        {
            var ticks = TicksOf(from, to, step).ToList();
            if (ticks.Count <= Math.Max(2, maxTicks))
            {
                return new TimelineAxis(from, to, Label(ticks, step));
            }
        }

        return new TimelineAxis(from, to, []);
    }

    private static IEnumerable<DateOnly> TicksOf(DateOnly from, DateOnly to, (int Days, int Months, int Years) step)
    {
        var day = step switch
        {
            (1, _, _) => from,
            (7, _, _) => from.AddDays(((int)DayOfWeek.Monday - (int)from.DayOfWeek + 7) % 7),
            (_, > 0, _) => FirstMonthOnStep(from, step.Months),
            _ => new DateOnly(Math.Max(1, (from.Year + step.Years - 1) / step.Years * step.Years), 1, 1),
        };
        if (day < from)
        {
            day = step.Years > 0 ? day.AddYears(step.Years) : day.AddMonths(Math.Max(1, step.Months));
        }

        for (; day < to; day = step.Days > 0 ? day.AddDays(step.Days) : step.Months > 0 ? day.AddMonths(step.Months) : day.AddYears(step.Years))
        {
            yield return day;
            if (day.Year + Math.Max(1, step.Years) > 9999)
            {
                yield break;
            }
        }
    }

    private static DateOnly FirstMonthOnStep(DateOnly from, int months)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        while ((first.Month - 1) % months != 0 || first < from)
        {
            first = first.AddMonths(1);
        }

        return first;
    }

    // The year is written on the first tick and wherever a new one starts, so a reader always knows which year.
    private static List<TimelineTick> Label(List<DateOnly> ticks, (int Days, int Months, int Years) step) =>
        [.. ticks.Select((day, i) =>
        {
            var newYear = i == 0 || ticks[i - 1].Year != day.Year;
            var label = step switch
            {
                (> 0, _, _) => day.ToString(newYear ? "d MMM yyyy" : "d MMM", Invariant),
                (_, > 0, _) => day.ToString(newYear ? "MMM yyyy" : "MMM", Invariant),
                _ => day.Year.ToString("D4", Invariant),
            };
            return new TimelineTick(day, label, day.Month == 1 && day.Day == 1);
        })];
}
