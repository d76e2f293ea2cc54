using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

public sealed class IndexModel(AttributionDbContext db) : PagedListModel
{
    public IReadOnlyList<ActorRow> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Actors = await (await PageOfAsync(db.Actors.AsNoTracking()
            .OrderBy(a => a.Name).ThenBy(a => a.Id), cancellationToken))
            .Select(a => new ActorRow(a.Slug, a.Name, a.Kind, a.SponsorStateCode, db.Statements.Count(s => s.AccusedActorId == a.Id)))
            .ToListAsync(cancellationToken);
    }
}
