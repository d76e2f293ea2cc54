using System.ComponentModel.DataAnnotations;
using AttributionTracker.Data;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>An editor withdraws a statement from the record: it stays, marked, with the reason; nothing is deleted.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class RetractModel(AttributionDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Say why: the reason is shown beside the statement and in its history.")]
    [StringLength(1000, ErrorMessage = "Keep the reason under 1,000 characters.")]
    [Display(Name = "Why is it retracted?")]
    public string? Reason { get; set; }

    public StatementView Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Statement.IsRetracted)
        {
            ModelState.AddModelError(string.Empty, StatementRetraction.AlreadyRetracted);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var statement = await db.Statements.SingleAsync(s => s.Id == id, cancellationToken);
        await StatementRetraction.RetractAsync(db, statement, Reason!, User.Identity?.Name, cancellationToken);
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var statement = await StatementView.Query(db.Statements.AsNoTracking().Where(s => s.Id == id)).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        Statement = statement!;
        return statement is not null;
    }
}
