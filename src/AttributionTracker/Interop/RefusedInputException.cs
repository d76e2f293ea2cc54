namespace AttributionTracker.Interop;

/// <summary>
/// A file refused whole before anything was written. It carries every problem found, not just the first, so whoever
/// fixes the file sees them all in one go rather than one per attempt.
/// </summary>
public abstract class RefusedInputException(string message) : Exception(message)
{
    /// <summary>What the file failed to be ("not an importable STIX 2.1 bundle").</summary>
    public abstract string Refusal { get; }

    /// <summary>Every problem, one line each, saying where and what.</summary>
    public abstract IReadOnlyList<string> ProblemLines { get; }
}
