using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Incidents;

public sealed class IndexModel(AttributionDbContext db) : PagedListModel
{
    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Incidents = await (await PageOfAsync(db.Incidents.AsNoTracking()
            .OrderByDescending(i => i.StartDate!.Start).ThenBy(i => i.Name).ThenBy(i => i.Id), cancellationToken))
            .Select(i => new IncidentRow(i.Slug, i.Name, i.StartDate, db.Statements.Count(s => s.IncidentId == i.Id)))
            .ToListAsync(cancellationToken);
    }
}
