using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using C = AttributionTracker.Interop.Csv.StatementCsvColumns;

namespace AttributionTracker.Interop.Csv;

/// <summary>The records an import's rows name, read once for the whole file: slug or id → the store's id.</summary>
internal sealed record StoreLookups(
    IReadOnlyDictionary<string, int> Parties,
    IReadOnlyDictionary<string, int> Actors,
    IReadOnlyDictionary<string, int> Incidents,
    IReadOnlySet<CountryCode> States,
    IReadOnlyDictionary<int, int> SourceLengths,
    IReadOnlySet<int> StatementIds)
{
    public static async Task<StoreLookups> LoadAsync(AttributionDbContext db, IEnumerable<IReadOnlyDictionary<string, string>> rows, CancellationToken cancellationToken)
    {
        var cells = rows.ToList();
        var partySlugs = Slugs(cells.SelectMany(c => CsvFormat.Split(c.GetValueOrDefault(C.PartySlugs) ?? "")));
        var actorSlugs = Slugs(cells.Select(c => c.GetValueOrDefault(C.ActorSlug)));
        var incidentSlugs = Slugs(cells.Select(c => c.GetValueOrDefault(C.IncidentSlug)));

        var parties = await db.Parties.AsNoTracking().Where(p => partySlugs.Contains(p.Slug)).Select(p => new { p.Slug, p.Id }).ToListAsync(cancellationToken);
        var actors = await db.Actors.AsNoTracking().Where(a => actorSlugs.Contains(a.Slug)).Select(a => new { a.Slug, a.Id }).ToListAsync(cancellationToken);

        // A merged actor's old slug still names it (ADR 13): a file exported before the merge imports onto the target.
        var redirected = await db.SlugRedirects.AsNoTracking().Where(r => actorSlugs.Contains(r.OldSlug)).Select(r => new { Slug = r.OldSlug, Id = r.ActorId }).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => incidentSlugs.Contains(i.Slug)).Select(i => new { i.Slug, i.Id }).ToListAsync(cancellationToken);
        var states = await db.States.AsNoTracking().Select(s => s.Code).ToListAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().Select(s => new { s.Id, s.Text.Length }).ToListAsync(cancellationToken);
        var statementIds = await db.Statements.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken);

        return new StoreLookups(
            parties.ToDictionary(p => p.Slug.Value, p => p.Id),
            actors.Concat(redirected).DistinctBy(a => a.Slug).ToDictionary(a => a.Slug.Value, a => a.Id),
            incidents.ToDictionary(i => i.Slug.Value, i => i.Id),
            states.ToHashSet(),
            sources.ToDictionary(s => s.Id, s => s.Length),
            statementIds.ToHashSet());
    }

    private static List<Slug> Slugs(IEnumerable<string?> texts) =>
        [.. texts.Select(t => Slug.TryParse(t, out var s) ? s : (Slug?)null).OfType<Slug>().Distinct()];
}
