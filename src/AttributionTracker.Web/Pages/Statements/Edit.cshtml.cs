using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Statements;

[Authorize(Policy = Policies.Editor)]
public sealed class EditModel(AttributionDbContext db) : StatementFormModel(db)
{
    /// <summary>Set when another editor saved first: both versions, for the editor to choose.</summary>
    public ConflictView? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        StatementId = id;
        var statement = await Db.Statements.AsNoTracking()
            .Include(s => s.Parties).ThenInclude(p => p.Party)
            .Include(s => s.Answers)
            .Include(s => s.AccusedActor)
            .Include(s => s.Incident)
            .Include(s => s.Source)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (statement is null)
        {
            return NotFound();
        }

        Input = InputFor(statement);
        await PrepareFormAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        StatementId = id;
        await PrepareFormAsync(cancellationToken);
        var statement = await StatementEditor.LoadAsync(Db, id, cancellationToken);
        if (statement is null)
        {
            return await ConflictAsync(id, cancellationToken);
        }

        var resolved = await ResolveAsync(cancellationToken);
        if (resolved is null)
        {
            await PrepareFormAsync(cancellationToken);
            return Page();
        }

        if (!await SaveOverAsync(statement, resolved, cancellationToken))
        {
            return await ConflictAsync(id, cancellationToken);
        }

        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult> ConflictAsync(int id, CancellationToken cancellationToken)
    {
        var theirs = await StatementView.Query(Db.Statements.AsNoTracking().Where(s => s.Id == id)).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        Conflict = ConflictView.Compare(theirs, Input);
        if (theirs is not null)
        {
            // "Save mine over theirs" re-submits the form against the version now stored.
            Input.Version = theirs.Version;
        }

        ModelState.Clear();
        await PrepareFormAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
