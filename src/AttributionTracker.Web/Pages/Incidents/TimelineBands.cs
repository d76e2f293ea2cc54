using AttributionTracker.Domain;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>How sure a statement says it is, coarsened for the timeline: seven yardstick ranks are too many to tell apart by eye.</summary>
public enum TimelineBand
{
    High,
    Moderate,
    Low,
    NotStated,
}

/// <summary>
/// The bands as data: which PHIA ranks each takes, and how the legend names it. The cuts follow the yardstick's own
/// gaps: "highly likely" and above are the assessments governments stand behind (80 % or more), "realistic
/// possibility" and "likely" are hedged (40–75 %), and below that a party is pointing away rather than at.
/// </summary>
public static class TimelineBands
{
    private static readonly (TimelineBand Band, string Name, string CssClass, ConfidenceLevel? Lowest, ConfidenceLevel? Highest)[] Bands =
    [
        (TimelineBand.High, "High confidence", "band-high", ConfidenceLevel.HighlyLikely, ConfidenceLevel.AlmostCertain),
        (TimelineBand.Moderate, "Moderate confidence", "band-moderate", ConfidenceLevel.RealisticPossibility, ConfidenceLevel.Likely),
        (TimelineBand.Low, "Low confidence", "band-low", ConfidenceLevel.RemoteChance, ConfidenceLevel.Unlikely),
        (TimelineBand.NotStated, "Confidence not stated", "band-none", null, null),
    ];

    public static IReadOnlyList<TimelineBand> All { get; } = [.. Bands.Select(b => b.Band)];

    public static TimelineBand Of(ConfidenceLevel? level) =>
        level is { } l ? Bands.First(b => b.Lowest <= l && l <= b.Highest).Band : TimelineBand.NotStated;

    /// <summary>"High confidence", "Confidence not stated".</summary>
    public static string Name(this TimelineBand band) => Entry(band).Name;

    /// <summary>The yardstick terms the band takes ("highly likely, almost certain"), or a note that there are none.</summary>
    public static string Terms(this TimelineBand band)
    {
        var e = Entry(band);
        return e.Lowest is { } low && e.Highest is { } high
            ? string.Join(", ", ConfidenceLevels.All.Where(l => low <= l && l <= high).Select(l => l.ToLabel()))
            : "no confidence given";
    }

    public static string CssClass(this TimelineBand band) => Entry(band).CssClass;

    private static (TimelineBand Band, string Name, string CssClass, ConfidenceLevel? Lowest, ConfidenceLevel? Highest) Entry(TimelineBand band) =>
        Bands[(int)band];
}
