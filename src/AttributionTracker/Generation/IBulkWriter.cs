namespace AttributionTracker.Generation;

/// <summary>
/// Writes generated rows fast, past EF Core's change tracking, in one unit: a failure leaves the store as it was.
/// One implementation per engine (prepared INSERTs on SQLite, binary COPY on PostgreSQL).
/// </summary>
public interface IBulkWriter : IAsyncDisposable
{
    /// <summary>Prepares the store for a bulk load (session settings, search triggers off, the transaction).</summary>
    Task BeginAsync(CancellationToken ct);

    /// <summary>
    /// Writes the rows of <paramref name="tables"/>, which may come interleaved (a source, then its statements);
    /// <paramref name="rows"/> can be enumerated again, yielding the same rows, when the engine wants one table at a time.
    /// </summary>
    Task WriteAsync(IReadOnlyList<GeneratedTable> tables, IEnumerable<(GeneratedTable Table, object?[] Values)> rows, IGenerationProgress progress, CancellationToken ct);

    /// <summary>Rebuilds the search index, commits, restores the settings and refreshes the planner's statistics.</summary>
    Task CompleteAsync(IGenerationProgress progress, CancellationToken ct);
}

/// <summary>Progress by step (a table, the search index): how many rows of how many.</summary>
public interface IGenerationProgress
{
    void Begin(string step, long total);

    void Advance(string step, long rows);

    void End(string step);
}

/// <summary>For callers that do not show progress (tests).</summary>
public sealed class NoProgress : IGenerationProgress
{
    public static readonly NoProgress Instance = new();

    public void Begin(string step, long total)
    {
    }

    public void Advance(string step, long rows)
    {
    }

    public void End(string step)
    {
    }
}
