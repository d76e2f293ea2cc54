using System.ComponentModel.DataAnnotations;
using AttributionTracker.Data;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>An editor withdraws a statement from the record: it stays, marked, with the reason; nothing is deleted.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class RetractModel(AttributionDbContext db) : StatementActionModel(db)
{
    [BindProperty]
    [Required(ErrorMessage = "Say why: the reason is shown beside the statement and in its history.")]
    [StringLength(1000, ErrorMessage = "Keep the reason under 1,000 characters.")]
    [Display(Name = "Why is it retracted?")]
    public string? Reason { get; set; }

    protected override void Refuse()
    {
        if (Statement.IsRetracted)
        {
            ModelState.AddModelError(string.Empty, StatementRetraction.AlreadyRetracted);
        }
    }

    protected override async Task ActAsync(int id, CancellationToken cancellationToken)
    {
        var statement = await Db.Statements.SingleAsync(s => s.Id == id, cancellationToken);
        await StatementRetraction.RetractAsync(Db, statement, Reason!, User.Identity?.Name, cancellationToken);
    }
}
