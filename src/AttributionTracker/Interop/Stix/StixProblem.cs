namespace AttributionTracker.Interop.Stix;

/// <summary>One thing wrong with a bundle: which object (when known), where in the file, and what.</summary>
public sealed record StixProblem(string? ObjectId, string Path, string Message)
{
    public override string ToString() => ObjectId is null ? $"{Path}: {Message}" : $"{ObjectId} ({Path}): {Message}";
}

/// <summary>A bundle that cannot be imported; <see cref="Problems"/> lists everything found wrong, and nothing was written.</summary>
public sealed class StixImportException(IReadOnlyList<StixProblem> problems)
    : RefusedInputException($"not an importable STIX 2.1 bundle: {problems.Count} problem(s): {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? " …" : "")}")
{
    public IReadOnlyList<StixProblem> Problems { get; } = problems;

    public override string Refusal => "not an importable STIX 2.1 bundle";

    public override IReadOnlyList<string> ProblemLines => [.. Problems.Select(p => p.ToString())];
}
