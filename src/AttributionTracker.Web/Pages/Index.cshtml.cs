using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages;

public sealed class IndexModel(AttributionDbContext db) : PageModel
{
    public StoreCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);

    public IReadOnlyList<StatementRow> LatestStatements { get; private set; } = [];

    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];

    public IReadOnlyList<ActorRow> AccusedActors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = new StoreCounts(
            await db.Actors.CountAsync(cancellationToken),
            await db.Incidents.CountAsync(cancellationToken),
            await db.Statements.CountAsync(cancellationToken),
            await db.Parties.CountAsync(cancellationToken),
            await db.Sources.CountAsync(cancellationToken));
        LatestStatements = await StatementRow.Query(db.Statements.AsNoTracking()
                .OrderByDescending(s => s.Date!.Start).ThenByDescending(s => s.Id).Take(20))
            .ToListAsync(cancellationToken);
        Incidents = await db.Incidents.AsNoTracking()
            .OrderByDescending(i => i.StartDate!.Start).ThenBy(i => i.Name)
            .Take(50)
            .Select(i => new IncidentRow(i.Slug, i.Name, i.StartDate, db.Statements.Count(s => s.IncidentId == i.Id)))
            .ToListAsync(cancellationToken);
        var accused = await db.Statements.AsNoTracking()
            .Where(s => s.AccusedActorId != null)
            .GroupBy(s => s.AccusedActorId)
            .Select(g => new { ActorId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(50)
            .Join(db.Actors, g => g.ActorId, a => a.Id, (g, a) => new ActorRow(a.Slug, a.Name, a.Kind, a.SponsorStateCode, g.Count))
            .ToListAsync(cancellationToken);
        AccusedActors = [.. accused.OrderByDescending(a => a.Statements).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }
}

public sealed record StoreCounts(int Actors, int Incidents, int Statements, int Parties, int Sources);

public sealed record IncidentRow(Slug Slug, string Name, PartialDate? Date, int Statements);

public sealed record ActorRow(Slug Slug, string Name, ActorKind Kind, CountryCode? SponsorState, int Statements);
