namespace AttributionTracker.Import.Persistence;

/// <summary>An extraction the importer refused before writing anything, with every reason (<see cref="ExtractionCheck"/>).</summary>
public sealed class InvalidExtractionException(IReadOnlyList<string> problems)
    : Exception("The extraction cannot be stored: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
