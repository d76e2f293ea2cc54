namespace AttributionTracker.Search;

/// <summary>
/// Full-text search over actors (with every alias), incidents, parties, statement quotes and source texts, ranked
/// best first. A statement matches by its quote and also through the actor it accuses or the incident it is about.
/// Implementations never let the user's text reach the engine as query syntax.
/// </summary>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);
}

/// <param name="Text">What the user typed, as typed.</param>
/// <param name="AsOf">Leave out statements not public and sources not published by this day.</param>
/// <param name="Kind">Only hits of this kind (the counts still cover every kind).</param>
public sealed record SearchRequest(string? Text, DateOnly? AsOf = null, SearchKind? Kind = null, int Skip = 0, int Take = 20);

/// <param name="Hits">The requested page of hits, best first.</param>
/// <param name="Counts">How many records of each kind match (kinds with none are absent).</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<SearchKind, int> Counts)
{
    public static SearchResults None { get; } = new([], new Dictionary<SearchKind, int>());

    public int Total => Counts.Values.Sum();

    public int CountOf(SearchKind? kind) => kind is { } k ? Counts.GetValueOrDefault(k) : Total;
}

/// <summary>One matching record, once however many of its names or columns matched.</summary>
/// <param name="Slug">The page key of an actor, incident or party; null for statements and sources (keyed by id).</param>
/// <param name="Title">The record's name with the matched terms marked; empty for a statement, which the page names
/// by who said it about whom.</param>
/// <param name="Snippet">The best matching passage (aliases, summary, quote or article text), matched terms marked;
/// empty for a statement found through the actor it accuses or the incident it is about.</param>
/// <param name="Rank">Lower is better (bm25 as SQLite gives it).</param>
public sealed record SearchHit(SearchKind Kind, int Id, string? Slug, HighlightedText Title, HighlightedText Snippet, double Rank);
