using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Parties;

public sealed class DetailsModel(AttributionDbContext db) : PageModel
{
    public PartyView Party { get; private set; } = null!;

    public IReadOnlyList<StatementRow> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return NotFound();
        }

        var party = await db.Parties.AsNoTracking()
            .Where(p => p.Slug == key)
            .Select(p => new PartyView(p.Id, p.Name, p.Kind, p.StateCode, p.State == null ? null : p.State.NameEn, p.Role,
                p.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        if (party is null)
        {
            return NotFound();
        }

        Party = party;
        Statements = await StatementRow.Query(db.Statements.AsNoTracking().Where(s => s.Parties.Any(p => p.PartyId == party.Id))
                .OrderByDescending(s => s.Date!.Start).ThenByDescending(s => s.Id).Take(200))
            .ToListAsync(cancellationToken);
        return Page();
    }
}

public sealed record PartyView(int Id, string Name, PartyKind Kind, CountryCode? State, string? StateName, string? Role, IReadOnlyList<string> Aliases);
