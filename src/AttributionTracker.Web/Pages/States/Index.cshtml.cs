using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.States;

public sealed class IndexModel(AttributionDbContext db) : PagedListModel
{
    /// <summary>Every state, not only those that accuse, are accused or deny.</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool All { get; set; }

    public IReadOnlyList<StateRow> States { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var statements = db.Statements.AsNoTracking().PublicOn(HttpContext.AsOf());
        States = await (await PageOfAsync(StateList.Counted(db.States.AsNoTracking(), statements, All), cancellationToken))
            .Select(c => new StateRow(c.Code, c.NameEn, c.NameEs, c.AsAccuser, c.AsAccused, c.Denials))
            .ToListAsync(cancellationToken);
    }
}

public sealed record StateRow(CountryCode Code, string NameEn, string NameEs, int AsAccuser, int AsAccused, int Denials);
