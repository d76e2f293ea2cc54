using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>The sources an incident's statements cite, counted from the statements' side so it costs the incident's statements, not every source.</summary>
public static class CitedSources
{
    public const int Shown = 50;

    /// <summary>How many sources are cited, and the first <see cref="Shown"/> by publication: two SQL commands.</summary>
    public static async Task<(int Total, IReadOnlyList<CitedSource> First)> TopAsync(
        AttributionDbContext db, IQueryable<AttributionStatement> statements, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var counts = statements
            .Where(s => s.SourceId != null)
            .GroupBy(s => s.SourceId!.Value)
            .Select(g => new { SourceId = g.Key, Count = g.Count() });
        var cited = db.Sources.AsNoTracking().PublishedBy(asOf)
            .Join(counts, src => src.Id, c => c.SourceId, (src, c) => new { Source = src, c.Count });
        var total = await cited.CountAsync(cancellationToken);
        if (total == 0)
        {
            return (0, []);
        }

        var first = await cited
            .OrderBy(x => x.Source.PublishedOn!.Start).ThenBy(x => x.Source.Id)
            .Take(Shown)
            .Select(x => new CitedSource(x.Source.Id, x.Source.Title, x.Source.Publisher, x.Source.PublishedOn, x.Count))
            .ToListAsync(cancellationToken);
        return (total, first);
    }
}
