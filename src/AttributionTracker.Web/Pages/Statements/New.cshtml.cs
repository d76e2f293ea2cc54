using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Statements;

[Authorize(Policy = Policies.Editor)]
public sealed class NewModel(AttributionDbContext db) : StatementFormModel(db)
{
    /// <summary>Starts the form about an incident when asked (<c>?incident=slug</c>), e.g. from the incident's page.</summary>
    public async Task OnGetAsync(string? incident, CancellationToken cancellationToken)
    {
        if (Slug.TryParse(incident, out var slug)
            && await Db.Incidents.AsNoTracking().Where(i => i.Slug == slug).Select(i => new { i.Id, i.Name }).SingleOrDefaultAsync(cancellationToken) is { } found)
        {
            Input.Incident = PickedName.For(found.Id, found.Name);
        }

        await PrepareFormAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await PrepareFormAsync(cancellationToken);
        var resolved = await ResolveAsync(cancellationToken);
        if (resolved is null)
        {
            await PrepareFormAsync(cancellationToken);
            return Page();
        }

        var statement = new AttributionStatement();
        await ApplyAsync(statement, resolved, cancellationToken);
        Db.Statements.Add(statement);
        await Db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Details", new { id = statement.Id });
    }
}
