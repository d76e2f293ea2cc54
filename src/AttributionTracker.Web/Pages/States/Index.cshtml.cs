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
        var counted = db.States.AsNoTracking().Select(st => new
        {
            st.Code,
            st.NameEn,
            st.NameEs,
            AsAccuser = statements.Count(s => s.Kind != StatementKind.Denial && s.Parties.Any(sp => sp.Party!.StateCode == st.Code)),
            AsAccused = statements.Count(s => s.Kind != StatementKind.Denial && s.AccusedStateCode == st.Code),
            Denials = statements.Count(s => s.Kind == StatementKind.Denial && s.Parties.Any(sp => sp.Party!.StateCode == st.Code)),
        });
        if (!All)
        {
            counted = counted.Where(c => c.AsAccuser > 0 || c.AsAccused > 0 || c.Denials > 0);
        }

        States = await (await PageOfAsync(counted.OrderBy(c => c.NameEn).ThenBy(c => c.Code), cancellationToken))
            .Select(c => new StateRow(c.Code, c.NameEn, c.NameEs, c.AsAccuser, c.AsAccused, c.Denials))
            .ToListAsync(cancellationToken);
    }
}

public sealed record StateRow(CountryCode Code, string NameEn, string NameEs, int AsAccuser, int AsAccused, int Denials);
