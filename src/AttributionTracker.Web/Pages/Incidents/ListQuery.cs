using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>
/// The incident list of a <see cref="StatementFilter"/>: one row per incident with at least one matching
/// statement (every incident when nothing is filtered), described by its matching statements only. The page and
/// its CSV both read it, so the download has exactly the rows the page lists.
/// </summary>
public static class ListQuery
{
    /// <summary>The rows' figures, sorted in the database so a page of them can be taken there.</summary>
    public static IQueryable<ListSummary> Summaries(AttributionDbContext db, StatementFilter filter, ListSort sort)
    {
        var matching = filter.Apply(db.Statements.AsNoTracking());
        var incidents = db.Incidents.AsNoTracking();
        if (!filter.IsEmpty)
        {
            // "Id IN (matching incident ids)", not a correlated EXISTS: the engine reads the matching statements once
            // by index instead of probing them for every incident in the store.
            incidents = incidents.Where(i => matching.Select(s => s.IncidentId).Contains(i.Id));
        }

        // Anonymous first: EF sorts on an anonymous type's members, not on a record's constructor arguments.
        var figures = incidents.Select(i => new
        {
            i.Id,
            i.Slug,
            i.Name,
            i.StartDate,
            Statements = matching.Count(s => s.IncidentId == i.Id),
            Highest = matching.Where(s => s.IncidentId == i.Id).Max(s => s.Confidence.Level),
            Latest = matching.Where(s => s.IncidentId == i.Id && s.Date != null).Max(s => (DateOnly?)s.Date!.Start),
        });

        // Undated incidents go last whichever way dates are sorted: "no date" is neither early nor late. No confidence
        // given is the lowest, said in the query because the engines disagree on where NULL sorts (SQLite: first
        // ascending; PostgreSQL: first descending).
        var ordered = (sort.Key, sort.Descending) switch
        {
            (ListSortKey.Name, false) => figures.OrderBy(x => x.Name),
            (ListSortKey.Name, true) => figures.OrderByDescending(x => x.Name),
            (ListSortKey.Statements, false) => figures.OrderBy(x => x.Statements),
            (ListSortKey.Statements, true) => figures.OrderByDescending(x => x.Statements),
            (ListSortKey.Confidence, false) => figures.OrderBy(x => x.Highest != null).ThenBy(x => x.Highest),
            (ListSortKey.Confidence, true) => figures.OrderBy(x => x.Highest == null).ThenByDescending(x => x.Highest),
            (ListSortKey.Latest, false) => figures.OrderBy(x => x.Latest == null).ThenBy(x => x.Latest),
            (ListSortKey.Latest, true) => figures.OrderBy(x => x.Latest == null).ThenByDescending(x => x.Latest),
            (_, false) => figures.OrderBy(x => x.StartDate == null).ThenBy(x => x.StartDate!.Start),
            (_, true) => figures.OrderBy(x => x.StartDate == null).ThenByDescending(x => x.StartDate!.Start),
        };

        return ordered.ThenBy(x => x.Name).ThenBy(x => x.Id)
            .Select(x => new ListSummary(x.Id, x.Slug, x.Name, x.StartDate, x.Statements, x.Highest));
    }

    /// <summary>
    /// The rows of <paramref name="summaries"/> (a page, or all of them for a download), with who accused whom
    /// read from the matching statements in one query for all rows.
    /// </summary>
    public static async Task<IReadOnlyList<ListRow>> RowsAsync(
        AttributionDbContext db, StatementFilter filter, IReadOnlyList<ListSummary> summaries, CancellationToken cancellationToken)
    {
        var ids = summaries.Select(s => s.Id).ToList();
        var statements = await filter.Apply(db.Statements.AsNoTracking())
            .Where(s => s.IncidentId != null && ids.Contains(s.IncidentId.Value))
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                IncidentId = s.IncidentId!.Value,
                s.Date,
                Parties = s.Parties.OrderBy(p => p.Position).Select(p => new PartyLink(p.Party!.Slug, p.Party.Name, p.Party.StateCode)).ToList(),
                Actor = s.AccusedActor == null ? null : new NamedLink(s.AccusedActor.Slug, s.AccusedActor.Name),
                State = s.AccusedStateCode,
            })
            .ToListAsync(cancellationToken);
        var byIncident = statements.ToLookup(s => s.IncidentId);

        return [.. summaries.Select(summary =>
        {
            var mine = byIncident[summary.Id].ToList();
            return new ListRow(
                summary.Slug,
                summary.Name,
                summary.Date,
                [.. mine.SelectMany(s => s.Parties).DistinctBy(p => p.Slug)],
                [.. mine.Select(s => s.Actor).OfType<NamedLink>().DistinctBy(a => a.Slug)],
                [.. mine.Select(s => s.State).OfType<CountryCode>().Distinct().OrderBy(c => c.Value, StringComparer.Ordinal)],
                summary.Highest,
                summary.Statements,
                mine.Select(s => s.Date).OfType<PartialDate>().Max());
        })];
    }
}

/// <summary>An incident's figures over its matching statements.</summary>
public sealed record ListSummary(int Id, Slug Slug, string Name, PartialDate? Date, int Statements, ConfidenceLevel? Highest);

/// <summary>One incident as the list shows it.</summary>
public sealed record ListRow(
    Slug Slug,
    string Name,
    PartialDate? Date,
    IReadOnlyList<PartyLink> Accusers,
    IReadOnlyList<NamedLink> AccusedActors,
    IReadOnlyList<CountryCode> AccusedStates,
    ConfidenceLevel? HighestConfidence,
    int Statements,
    PartialDate? LatestStatement)
{
    /// <summary>The states the accusing parties speak for, in the order the parties come.</summary>
    public IReadOnlyList<CountryCode> AccusingStates => [.. Accusers.Select(a => a.State).OfType<CountryCode>().Distinct()];
}

/// <summary>A party as a link, with the state it speaks for.</summary>
public sealed record PartyLink(Slug Slug, string Name, CountryCode? State);
