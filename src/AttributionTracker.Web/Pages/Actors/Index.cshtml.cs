using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

public sealed class IndexModel(AttributionDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<ActorRow> Actors { get; private set; } = [];

    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.Actors.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, LastPage);
        Actors = await db.Actors.AsNoTracking()
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new ActorRow(a.Slug, a.Name, a.Kind, a.SponsorStateCode, db.Statements.Count(s => s.AccusedActorId == a.Id)))
            .ToListAsync(cancellationToken);
    }
}
