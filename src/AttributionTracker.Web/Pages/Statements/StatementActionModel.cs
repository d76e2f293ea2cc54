using AttributionTracker.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>
/// A page that does one thing to one statement for a reason the editor gives (retract it, delete it): it shows the
/// statement, asks why, and on a valid post acts and returns to the statement's page. A page says only what it
/// refuses and what it does; its reason field, with its own wording, stays on the page.
/// </summary>
public abstract class StatementActionModel(AttributionDbContext db) : PageModel
{
    public StatementView Statement { get; private set; } = null!;

    protected AttributionDbContext Db => db;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Refuse();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await ActAsync(id, cancellationToken);
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Reports into the model state why the statement, as loaded in <see cref="Statement"/>, cannot be acted on.</summary>
    protected virtual void Refuse()
    {
    }

    protected abstract Task ActAsync(int id, CancellationToken cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var statement = await StatementView.Query(db.Statements.AsNoTracking().Where(s => s.Id == id)).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        Statement = statement!;
        return statement is not null;
    }
}
