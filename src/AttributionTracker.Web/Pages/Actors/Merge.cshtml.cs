using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Pages.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

/// <summary>
/// Merging two actors that turn out to be one: pick the target by name or alias (a GET, so the choice can be
/// changed freely), see what will move, confirm (a POST). The old slug then redirects to the target.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class MergeModel(AttributionDbContext db) : PageModel
{
    /// <summary>What the editor typed for the target.</summary>
    [BindProperty(SupportsGet = true, Name = "into")]
    public string? Into { get; set; }

    public NamedRecord Actor { get; private set; } = null!;

    public int ActorVersion { get; private set; }

    /// <summary>The target, once one actor matches.</summary>
    public NamedRecord? Target { get; private set; }

    public int TargetVersion { get; private set; }

    /// <summary>Several actors matched: the editor picks one.</summary>
    public IReadOnlyList<NamedRecord> Candidates { get; private set; } = [];

    public MergePlan? Plan { get; private set; }

    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, int targetId, int actorVersion, int targetVersion, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var target = await db.Actors.AsNoTracking().Where(a => a.Id == targetId).Select(a => new { a.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (target is null || targetId == Actor.Id)
        {
            ModelState.AddModelError("into", "Choose another actor to merge into.");
            return Page();
        }

        try
        {
            await MergeOperation.MergeAsync(db, Actor.Id, actorVersion, targetId, targetVersion, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // One of the two changed since the editor saw what would move: show the fresh plan to confirm again.
            db.ChangeTracker.Clear();
            Stale = true;
            Into = target.Slug.Value;
            await LoadAsync(slug, cancellationToken);
            return Page();
        }

        return RedirectToPage("Details", new { slug = target.Slug.Value });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return false;
        }

        var actor = await db.Actors.AsNoTracking().Where(a => a.Slug == key)
            .Select(a => new { Record = new NamedRecord(a.Id, a.Slug, a.Name), a.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (actor is null)
        {
            return false;
        }

        (Actor, ActorVersion) = (actor.Record, actor.Version);
        if (string.IsNullOrWhiteSpace(Into))
        {
            return true;
        }

        var found = (await NameLookup.ActorsAsync(db, Into, cancellationToken)).Where(a => a.Id != Actor.Id).ToList();
        if (found.Count == 0)
        {
            ModelState.AddModelError("into", $"No other actor is called “{Into.Trim()}”.");
        }
        else if (found.Count > 1)
        {
            Candidates = found;
        }
        else
        {
            Target = found[0];
            TargetVersion = await db.Actors.Where(a => a.Id == Target.Id).Select(a => a.Version).SingleAsync(cancellationToken);
            Plan = await MergeOperation.PlanAsync(db, Actor.Id, cancellationToken);
        }

        return true;
    }
}
