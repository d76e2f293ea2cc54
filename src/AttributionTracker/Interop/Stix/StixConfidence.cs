using AttributionTracker.Domain;

namespace AttributionTracker.Interop.Stix;

/// <summary>
/// PHIA yardstick terms on STIX's 0–100 confidence scale: a term is exported as the middle of its probability band
/// and read back as the band holding the value, or the nearest band when the value falls in a gap between bands
/// (a tie goes to the lower band: never claim more certainty than was given).
/// </summary>
public static class StixConfidence
{
    public static int ToStix(ConfidenceLevel level)
    {
        var (low, high) = level.ProbabilityBand();
        return (low + high) / 2;
    }

    public static ConfidenceLevel FromStix(int value)
    {
        var best = ConfidenceLevels.All[0];
        var bestDistance = int.MaxValue;
        foreach (var level in ConfidenceLevels.All)
        {
            var (low, high) = level.ProbabilityBand();
            var distance = value < low ? low - value : value > high ? value - high : 0;
            if (distance < bestDistance)
            {
                best = level;
                bestDistance = distance;
            }
        }

        return best;
    }
}
