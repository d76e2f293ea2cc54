using System.ComponentModel.DataAnnotations;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>An admin's hard delete: the statement goes, its history stays with its last values and the reason.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DeleteModel(AttributionDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Say why: the reason stays in the history after the statement is gone.")]
    [StringLength(1000, ErrorMessage = "Keep the reason under 1,000 characters.")]
    [Display(Name = "Why is it deleted?")]
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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Its parts and the answers pointing at it go with it, each recorded, so the history can show what it was.
        var statement = await db.Statements.Include(s => s.Parties).Include(s => s.Answers).Include(s => s.AnsweredBy)
            .AsSplitQuery().SingleAsync(s => s.Id == id, cancellationToken);
        db.RemoveRange(statement.AnsweredBy);
        db.RemoveRange(statement.Answers);
        db.RemoveRange(statement.Parties);
        db.Statements.Remove(statement);
        await ReasonedSave.SaveAsync(db, Reason!.Trim(), cancellationToken);
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var statement = await StatementView.Query(db.Statements.AsNoTracking().Where(s => s.Id == id)).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        Statement = statement!;
        return statement is not null;
    }
}
