using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Incidents;

public sealed class DetailsModel(AttributionDbContext db) : PageModel
{
    public IncidentView Incident { get; private set; } = null!;

    public IReadOnlyList<StatementRow> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return NotFound();
        }

        var incident = await db.Incidents.AsNoTracking()
            .Where(i => i.Slug == key)
            .Select(i => new IncidentView(
                i.Id, i.Name, i.StartDate, i.EndDate, i.Summary, i.Scale, i.Type,
                i.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
                i.Victims.OrderBy(v => v.Name).Select(v => v.Name).ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return NotFound();
        }

        Incident = incident;
        Statements = await StatementRow.Query(db.Statements.AsNoTracking().Where(s => s.IncidentId == incident.Id)
                .OrderBy(s => s.Date!.Start).ThenBy(s => s.Id))
            .ToListAsync(cancellationToken);
        return Page();
    }
}

public sealed record IncidentView(
    int Id,
    string Name,
    PartialDate? StartDate,
    PartialDate? EndDate,
    string? Summary,
    string? Scale,
    IncidentType Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Victims);
