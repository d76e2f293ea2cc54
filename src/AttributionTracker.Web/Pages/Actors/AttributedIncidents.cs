using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

/// <summary>A statement naming the actor as accused, as one line of an incident's row.</summary>
public sealed record AccusingStatement(
    int Id,
    int RowKey,
    StatementKind Kind,
    NamedLink? Incident,
    IReadOnlyList<PartyLink> Parties,
    Confidence Confidence,
    PartialDate? Date,
    string? Quote,
    int? SourceId,
    int? SpanStart);

/// <summary>One incident the actor is accused of, with every statement that accuses it (a statement naming no incident is a row of its own).</summary>
public sealed record AttributedIncident(NamedLink? Incident, IReadOnlyList<AccusingStatement> Statements)
{
    /// <summary>How many statements the row stands for; <see cref="Statements"/> holds a bounded few of them.</summary>
    public int Total { get; init; } = Statements.Count;

    public int More => Total - Statements.Count;

    /// <summary>The most confident statement; among equals the earliest, whose wording stands for the rest.</summary>
    public AccusingStatement? MostConfident => Statements
        .Where(s => s.Confidence.Level is not null)
        .OrderByDescending(s => s.Confidence.Level)
        .ThenBy(s => s.Date)
        .FirstOrDefault();

    public PartialDate? First => Statements.Select(s => s.Date).Where(d => d is not null).Min();

    public PartialDate? Latest => Statements.Select(s => s.Date).Where(d => d is not null).Max();
}

/// <summary>Who first and last said it, and how many said it about how many incidents.</summary>
public sealed record AccusationSummary(int Statements, int Incidents, int Accusers, PartialDate? First, PartialDate? Latest);

/// <summary>
/// Pages an actor's incidents in a fixed number of SQL commands however many there are: the page's row keys first
/// (grouped and ordered in SQL), then every statement of just those rows.
/// </summary>
public static class AttributedIncidents
{
    public const int PageSize = 50;

    /// <summary>The earliest statements a row lists; the latest and the most confident are listed too, so the row's dates and confidence stay true.</summary>
    public const int StatementsPerRow = 5;

    /// <summary>The statements that name the actor as accused (denials apart): what its page and API record count.</summary>
    public static IQueryable<AttributionStatement> Naming(IQueryable<AttributionStatement> statements, int actorId) =>
        statements.Where(s => s.AccusedActorId == actorId && s.Kind != StatementKind.Denial);

    public static async Task<AccusationSummary> SummarizeAsync(IQueryable<AttributionStatement> naming, CancellationToken cancellationToken)
    {
        var attributions = naming.Where(s => s.Kind == StatementKind.Attribution);
        var statements = await naming.CountAsync(cancellationToken);
        var incidents = await naming.Where(s => s.IncidentId != null).Select(s => s.IncidentId).Distinct().CountAsync(cancellationToken);
        var accusers = await attributions.SelectMany(s => s.Parties).Select(p => p.PartyId).Distinct().CountAsync(cancellationToken);
        var first = await attributions.Where(s => s.Date != null).OrderBy(s => s.Date!.Start).ThenBy(s => s.Id).Select(s => s.Date).FirstOrDefaultAsync(cancellationToken);
        var latest = await attributions.Where(s => s.Date != null).OrderByDescending(s => s.Date!.Start).ThenByDescending(s => s.Id).Select(s => s.Date).FirstOrDefaultAsync(cancellationToken);
        return new AccusationSummary(statements, incidents, accusers, first, latest);
    }

    public static async Task<(PageWindow Window, IReadOnlyList<AttributedIncident> Rows)> PageAsync(
        IQueryable<AttributionStatement> naming, int requestedPage, CancellationToken cancellationToken)
    {
        // A statement with no incident gets a negative key of its own, so it neither merges with others nor meets an incident id.
        var rows = naming
            .GroupBy(s => s.IncidentId ?? -s.Id)
            .Select(g => new { Key = g.Key, Latest = g.Max(s => (DateOnly?)s.Date!.Start), Count = g.Count() });
        var window = PageWindow.Of(requestedPage, PageSize, await rows.CountAsync(cancellationToken));
        var page = await rows
            .OrderByDescending(r => r.Latest).ThenByDescending(r => r.Key)
            .Skip(window.Skip).Take(window.Size)
            .Select(r => new { r.Key, r.Count })
            .ToListAsync(cancellationToken);
        var keys = page.Select(r => r.Key).ToList();

        // An incident can hold hundreds of statements naming the actor: each row lists a bounded few. Their keys are
        // read as bare numbers (cheap even for hundreds), the few are picked here and only they are loaded in full.
        var candidates = await naming
            .Where(s => keys.Contains(s.IncidentId ?? -s.Id))
            .Select(s => new StatementKey(s.Id, s.IncidentId ?? -s.Id, s.Date == null ? null : s.Date.Start, s.Confidence.Level))
            .ToListAsync(cancellationToken);
        var ids = candidates.GroupBy(c => c.RowKey).SelectMany(Shown).ToList();

        var statements = await naming
            .Where(s => ids.Contains(s.Id))
            .OrderBy(s => s.Date!.Start).ThenBy(s => s.Id)
            .Select(s => new AccusingStatement(
                s.Id,
                s.IncidentId ?? -s.Id,
                s.Kind,
                s.Incident == null ? null : new NamedLink(s.Incident.Slug, s.Incident.Name),
                s.Parties.OrderBy(p => p.Position).Select(p => new PartyLink(p.Party!.Slug, p.Party.Name, p.Party.StateCode)).ToList(),
                s.Confidence,
                s.Date,
                s.Quote,
                s.SourceId,
                s.SpanStart))
            .ToListAsync(cancellationToken);

        var byKey = statements.ToLookup(s => s.RowKey);
        IReadOnlyList<AttributedIncident> result = [.. page.Select(r => new AttributedIncident(byKey[r.Key].First().Incident, [.. byKey[r.Key]]) { Total = r.Count })];
        return (window, result);
    }

    private sealed record StatementKey(int Id, int RowKey, DateOnly? Date, ConfidenceLevel? Level);

    /// <summary>The earliest few, the latest and the most confident of a row's statements.</summary>
    private static IEnumerable<int> Shown(IEnumerable<StatementKey> row)
    {
        var byDate = row.OrderBy(s => s.Date is not null).ThenBy(s => s.Date).ThenBy(s => s.Id).ToList();
        var latest = byDate.LastOrDefault(s => s.Date is not null);
        var mostConfident = row.Where(s => s.Level is not null).OrderByDescending(s => s.Level).ThenBy(s => s.Date).ThenBy(s => s.Id).FirstOrDefault();
        return byDate.Take(StatementsPerRow).Append(latest).Append(mostConfident).OfType<StatementKey>().Select(s => s.Id).Distinct();
    }
}
