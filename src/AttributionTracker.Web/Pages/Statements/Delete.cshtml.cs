using System.ComponentModel.DataAnnotations;
using AttributionTracker.Data;
using AttributionTracker.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>An admin's hard delete: the statement goes, its history stays with its last values and the reason.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DeleteModel(AttributionDbContext db) : StatementActionModel(db)
{
    [BindProperty]
    [Required(ErrorMessage = "Say why: the reason stays in the history after the statement is gone.")]
    [StringLength(1000, ErrorMessage = "Keep the reason under 1,000 characters.")]
    [Display(Name = "Why is it deleted?")]
    public string? Reason { get; set; }

    protected override async Task ActAsync(int id, CancellationToken cancellationToken)
    {
        // Its parts and the answers pointing at it go with it, each recorded, so the history can show what it was.
        var statement = await Db.Statements.Include(s => s.Parties).Include(s => s.Answers).Include(s => s.AnsweredBy)
            .AsSplitQuery().SingleAsync(s => s.Id == id, cancellationToken);
        Db.RemoveRange(statement.AnsweredBy);
        Db.RemoveRange(statement.Answers);
        Db.RemoveRange(statement.Parties);
        Db.Statements.Remove(statement);
        await ReasonedSave.SaveAsync(Db, Reason!.Trim(), cancellationToken);
    }
}
