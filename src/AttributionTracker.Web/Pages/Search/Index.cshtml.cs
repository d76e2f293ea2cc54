using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Search;
using AttributionTracker.Web.AsOfViews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Search;

/// <summary>One box over actors, incidents, parties, quotes and sources; the index ranks, this page names and links.</summary>
public sealed class IndexModel(ISearchIndex index, AttributionDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>"actor", "incident", "party", "statement" or "source"; anything else means every kind.</summary>
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindName { get; set; }

    // "page" is taken by Razor Pages' own route value, hence "p" (as on the list pages).
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchKind? Kind => Enum.TryParse<SearchKind>(KindName, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public bool HasQuery => !string.IsNullOrWhiteSpace(Query);

    public SearchResults Results { get; private set; } = SearchResults.None;

    public int Found => Results.CountOf(Kind);

    public int LastPage => Math.Max(1, (Found + PageSize - 1) / PageSize);

    public int FirstShown => ((PageNumber - 1) * PageSize) + 1;

    /// <summary>Who said it about whom, for each statement hit.</summary>
    public IReadOnlyDictionary<int, StatementRow> Statements { get; private set; } = new Dictionary<int, StatementRow>();

    public IReadOnlyDictionary<int, SourceFacts> Sources { get; private set; } = new Dictionary<int, SourceFacts>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Results = await SearchAsync(cancellationToken);
        if (Results.Hits.Count == 0 && PageNumber > LastPage)
        {
            // A page past the end (an old link, a hand-edited address) shows the last one.
            PageNumber = LastPage;
            Results = await SearchAsync(cancellationToken);
        }

        var statementIds = IdsOf(SearchKind.Statement);
        if (statementIds.Count > 0)
        {
            Statements = (await StatementRow.Query(db.Statements.AsNoTracking().Where(s => statementIds.Contains(s.Id)))
                .AsSplitQuery()
                .ToListAsync(cancellationToken)).ToDictionary(s => s.Id);
        }

        var sourceIds = IdsOf(SearchKind.Source);
        if (sourceIds.Count > 0)
        {
            Sources = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id))
                .Select(s => new SourceFacts(s.Id, s.Publisher, s.PublishedOn, db.Statements.Count(x => x.SourceId == s.Id)))
                .ToDictionaryAsync(s => s.Id, cancellationToken);
        }
    }

    private Task<SearchResults> SearchAsync(CancellationToken cancellationToken) =>
        index.SearchAsync(new SearchRequest(Query, HttpContext.AsOf(), Kind, (PageNumber - 1) * PageSize, PageSize), cancellationToken);

    private List<int> IdsOf(SearchKind kind) => Results.Hits.Where(h => h.Kind == kind).Select(h => h.Id).ToList();

    /// <summary>The first words of a quote shown without a match in it: enough to recognise, short enough to scan.</summary>
    public static string Opening(string? quote, int length = 240)
    {
        if (quote is null || quote.Length <= length)
        {
            return quote ?? "";
        }

        var cut = quote.LastIndexOf(' ', length);
        return quote[..(cut > 0 ? cut : length)] + " …";
    }

    private static readonly Dictionary<SearchKind, (string One, string Many)> Labels = new()
    {
        [SearchKind.Actor] = ("Actor", "Actors"),
        [SearchKind.Incident] = ("Incident", "Incidents"),
        [SearchKind.Party] = ("Party", "Parties"),
        [SearchKind.Statement] = ("Statement", "Statements"),
        [SearchKind.Source] = ("Source", "Sources"),
    };

    public static string Label(SearchKind kind, int count = 1) => count == 1 ? Labels[kind].One : Labels[kind].Many;
}

public sealed record SourceFacts(int Id, string? Publisher, PartialDate? PublishedOn, int Statements);
