namespace AttributionTracker.Domain;

/// <summary>
/// The UK Professional Head of Intelligence Assessment (PHIA) probability yardstick, lowest to highest.
/// The numeric values are the yardstick's order, used for "at least" filters.
/// </summary>
public enum ConfidenceLevel
{
    RemoteChance = 1,
    HighlyUnlikely = 2,
    Unlikely = 3,
    RealisticPossibility = 4,
    Likely = 5,
    HighlyLikely = 6,
    AlmostCertain = 7,
}

/// <summary>
/// A stated confidence: the yardstick term it maps to (null when the statement gives none or none maps)
/// and the words the party actually used, in their language ("muy probable").
/// </summary>
public sealed record Confidence(ConfidenceLevel? Level, string? Wording)
{
    public static readonly Confidence NotStated = new(null, null);
}

public static class ConfidenceLevels
{
    private static readonly (ConfidenceLevel Level, string Term, string Label, int Low, int High)[] Yardstick =
    [
        (ConfidenceLevel.RemoteChance, "remote-chance", "remote chance", 0, 5),
        (ConfidenceLevel.HighlyUnlikely, "highly-unlikely", "highly unlikely", 10, 20),
        (ConfidenceLevel.Unlikely, "unlikely", "unlikely", 25, 35),
        (ConfidenceLevel.RealisticPossibility, "realistic-possibility", "realistic possibility", 40, 50),
        (ConfidenceLevel.Likely, "likely", "likely", 55, 75),
        (ConfidenceLevel.HighlyLikely, "highly-likely", "highly likely", 80, 90),
        (ConfidenceLevel.AlmostCertain, "almost-certain", "almost certain", 95, 100),
    ];

    public static IReadOnlyList<ConfidenceLevel> All { get; } = [.. Yardstick.Select(y => y.Level)];

    /// <summary>The kebab-case term used in JSON, URLs and exports ("highly-likely").</summary>
    public static string ToTerm(this ConfidenceLevel level) => Entry(level).Term;

    /// <summary>The yardstick's own words ("highly likely").</summary>
    public static string ToLabel(this ConfidenceLevel level) => Entry(level).Label;

    /// <summary>The yardstick's probability band in percent, e.g. 80–90 for highly likely.</summary>
    public static (int Low, int High) ProbabilityBand(this ConfidenceLevel level)
    {
        var e = Entry(level);
        return (e.Low, e.High);
    }

    public static bool TryParseTerm(string? term, out ConfidenceLevel level)
    {
        foreach (var y in Yardstick)
        {
            if (string.Equals(y.Term, term, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(y.Label, term, StringComparison.OrdinalIgnoreCase))
            {
                level = y.Level;
                return true;
            }
        }

        level = default;
        return false;
    }

    private static (ConfidenceLevel Level, string Term, string Label, int Low, int High) Entry(ConfidenceLevel level) =>
        Yardstick[(int)level - 1];
}
