namespace AttributionTracker.Interop.Stix;

/// <summary>What an import did, per kind of record, and which objects it had no use for (counted by type).</summary>
public sealed class StixImportResult
{
    public SortedDictionary<string, int> Created { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Merged { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    internal void Count(SortedDictionary<string, int> counter, string what) => counter[what] = counter.GetValueOrDefault(what) + 1;

    public override string ToString() =>
        $"created {Describe(Created)}; merged {Describe(Merged)}; skipped {Describe(Skipped)}";

    private static string Describe(SortedDictionary<string, int> counts) =>
        counts.Count == 0 ? "nothing" : string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"));
}
