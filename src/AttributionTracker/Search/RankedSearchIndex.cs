using AttributionTracker.Data;
using AttributionTracker.Queries;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Search;

/// <summary>
/// How both engines answer a search, in two steps so that passages are cut only for the page shown and not for every
/// match: rank and count every match (per kind), then take the page and mark up its records. An engine supplies its
/// query syntax, its ranked matches and its markup.
/// </summary>
public abstract class RankedSearchIndex(AttributionDbContext db) : ISearchIndex
{
    protected const string Ellipsis = "…";

    protected AttributionDbContext Db { get; } = db;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        if (ToQuery(request.Text) is not { } query)
        {
            return SearchResults.None;
        }

        var matches = PublicOn(Matches(query), request.AsOf);
        var counts = await matches.GroupBy(m => m.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => (SearchKind)c.Kind, c => c.Count, cancellationToken);

        if (request.Kind is { } kind)
        {
            matches = matches.Where(m => m.Kind == (int)kind);
        }

        var page = await matches.OrderBy(m => m.Rank).ThenBy(m => m.Kind).ThenBy(m => m.Id)
            .Skip(Math.Max(0, request.Skip)).Take(Math.Clamp(request.Take, 1, 100))
            .ToListAsync(cancellationToken);

        var marked = new Dictionary<(int Kind, int Id), Marked>();
        await MarkAsync(query, page, marked, cancellationToken);

        // A statement found through its actor or incident has no words of the query in its quote, so no snippet.
        var hits = page.Select(m => marked.TryGetValue((m.Kind, m.Id), out var mark)
                ? new SearchHit((SearchKind)m.Kind, m.Id, mark.Slug, HighlightedText.Parse(mark.Title), HighlightedText.Parse(mark.Snippet), m.Rank)
                : new SearchHit((SearchKind)m.Kind, m.Id, null, HighlightedText.Empty, HighlightedText.Empty, m.Rank))
            .ToList();
        return new SearchResults(hits, counts);
    }

    /// <summary>What the user typed as the engine's query (only words, never the user's syntax); null when nothing is left to search for.</summary>
    protected abstract string? ToQuery(string? text);

    /// <summary>Every matching record with its rank, lower is better.</summary>
    protected abstract IQueryable<IndexMatch> Matches(string query);

    /// <summary>The page's records with their slug, title and best passage, matched terms marked.</summary>
    protected abstract Task MarkAsync(string query, List<IndexMatch> page, Dictionary<(int Kind, int Id), Marked> marked, CancellationToken cancellationToken);

    private IQueryable<IndexMatch> PublicOn(IQueryable<IndexMatch> matches, DateOnly? asOf)
    {
        if (asOf is null)
        {
            return matches;
        }

        var statements = Db.Statements.PublicOn(asOf);
        var sources = Db.Sources.PublishedBy(asOf);
        return matches.Where(m =>
            (m.Kind != (int)SearchKind.Statement || statements.Any(s => s.Id == m.Id))
            && (m.Kind != (int)SearchKind.Source || sources.Any(s => s.Id == m.Id)));
    }

    protected sealed record IndexMatch(int Id, int Kind, double Rank);

    protected sealed record Marked(string? Slug, string? Title, string? Snippet);
}
