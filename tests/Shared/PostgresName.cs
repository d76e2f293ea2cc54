namespace AttributionTracker.Tests;

/// <summary>The name of a test's own PostgreSQL database (unique in the run, dropped when the test's store goes).</summary>
public readonly record struct PostgresName(string Value)
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..10];

    private static int count;

    public static PostgresName New(string kind) => new($"attribution_test_{RunId}_{kind}_{Interlocked.Increment(ref count)}");
}
