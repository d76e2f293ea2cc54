using AttributionTracker.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Incidents;

public sealed class IndexModel(AttributionDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];

    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.Incidents.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, LastPage);
        Incidents = await db.Incidents.AsNoTracking()
            .OrderByDescending(i => i.StartDate!.Start).ThenBy(i => i.Name).ThenBy(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(i => new IncidentRow(i.Slug, i.Name, i.StartDate, db.Statements.Count(s => s.IncidentId == i.Id)))
            .ToListAsync(cancellationToken);
    }
}
