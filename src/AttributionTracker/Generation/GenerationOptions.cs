using System.Globalization;

namespace AttributionTracker.Generation;

/// <summary>
/// What to generate. <see cref="Actors"/> is the size of the accused population: actors already in the store (the
/// MISP galaxy of first start) count first, most prominent first, and only the rest are made up.
/// </summary>
public sealed record GenerationOptions(int Actors, int Incidents, int Statements, int Sources, int Seed)
{
    /// <summary>The sizes: 2,000 actors, 100,000 incidents, 1,000,000 statements, 50,000 sources.</summary>
    public static GenerationOptions Default { get; } = new(2_000, 100_000, 1_000_000, 50_000, 1);

    /// <summary>The default sizes times <paramref name="scale"/> (0.01 → 20 actors, 1,000 incidents, 10,000 statements, 500 sources), at least one of each.</summary>
    public static GenerationOptions Scaled(double scale, int seed = 1) => new(
        Scale(Default.Actors, scale), Scale(Default.Incidents, scale), Scale(Default.Statements, scale), Scale(Default.Sources, scale), seed);

    /// <summary>Every reason these options cannot make a consistent store, one sentence each; empty when they can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("actors", Actors), ("incidents", Incidents), ("statements", Statements), ("sources", Sources) })
        {
            if (value < 0)
            {
                problems.Add($"--{name} must be zero or more, not {value.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (Incidents > 0 && Statements < Incidents)
        {
            problems.Add($"Every incident needs at least one statement: --statements ({Statements:N0}) must be at least --incidents ({Incidents:N0}).");
        }

        if (Statements > 0 && Incidents == 0)
        {
            problems.Add("Statements are about incidents: give --incidents of at least 1.");
        }

        if (Statements > 0 && Actors == 0)
        {
            problems.Add("Statements accuse actors: give --actors of at least 1.");
        }

        if (Statements > 0 && Sources == 0)
        {
            problems.Add("Statements are quoted from sources: give --sources of at least 1.");
        }

        if (Sources > Statements)
        {
            problems.Add($"Every source quotes at least one statement: --sources ({Sources:N0}) must not exceed --statements ({Statements:N0}).");
        }

        if (Statements == 0 && Incidents == 0 && Sources == 0 && Actors == 0)
        {
            problems.Add("Nothing to generate: every size is zero.");
        }

        return problems;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Actors:N0} actors, {Incidents:N0} incidents, {Statements:N0} statements, {Sources:N0} sources, seed {Seed}");

    private static int Scale(int size, double scale) => (int)Math.Max(1, Math.Round(size * scale));
}
