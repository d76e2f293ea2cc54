using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Parties;

public sealed class IndexModel(AttributionDbContext db) : PagedListModel
{
    /// <summary>Every known party, not only those that made a public statement.</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public PartyKind? Kind { get; set; }

    public IReadOnlyList<PartyRow> Parties { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var statements = db.Statements.AsNoTracking().PublicOn(HttpContext.AsOf());
        var parties = PartyList.Matching(db.Parties.AsNoTracking(), statements, All, Kind);
        Parties = await (await PageOfAsync(parties, cancellationToken))
            .Select(p => new PartyRow(p.Slug, p.Name, p.Kind, p.StateCode, p.State == null ? null : p.State.NameEn,
                statements.Count(s => s.Parties.Any(sp => sp.PartyId == p.Id))))
            .ToListAsync(cancellationToken);
    }
}

public sealed record PartyRow(Slug Slug, string Name, PartyKind Kind, CountryCode? State, string? StateName, int Statements);
