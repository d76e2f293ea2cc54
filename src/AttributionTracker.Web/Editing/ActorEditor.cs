using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Actors;
using AttributionTracker.Web.Pages.Editing;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Editing;

/// <summary>
/// Creates or updates an actor from its form's values (the edit page and the API): problems are reported under the
/// form's field names (<c>Input.SponsorState</c>), and a save over a newer version is refused. Renaming keeps the slug.
/// </summary>
public sealed class ActorEditor(AttributionDbContext db, ModelStateDictionary errors)
{
    /// <summary>Where aliases typed by editors come from (reference reloads leave them alone).</summary>
    public const string EditorOrigin = "editor";

    /// <summary>Creates an actor when <paramref name="slug"/> is null, else updates that one as of <c>input.Version</c>.</summary>
    public async Task<EditResult<Actor>> SaveAsync(string? slug, ActorInput input, CancellationToken ct)
    {
        var sponsor = await StateCodes.CheckAsync(db, input.SponsorState, errors, "Input.SponsorState", ct);
        if (!errors.IsValid)
        {
            return new(EditOutcome.Invalid, null);
        }

        Actor? actor;
        if (slug is null)
        {
            // A merged actor's old slug stays reserved so its redirect keeps leading where it did.
            var taken = await db.Actors.Select(a => a.Slug).Concat(db.SlugRedirects.Select(r => r.OldSlug)).ToListAsync(ct);
            actor = new Actor { Name = input.Name.Trim(), Slug = new SlugAllocator(taken.Concat(EditingRoutes.Reserved)).Allocate(input.Name) };
            db.Actors.Add(actor);
        }
        else
        {
            actor = Slug.TryParse(slug, out var key)
                ? await db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Slug == key, ct)
                : null;
            if (actor is null)
            {
                return new(EditOutcome.NotFound, null);
            }

            db.Entry(actor).Property(a => a.Version).OriginalValue = input.Version;
        }

        actor.Name = input.Name.Trim();
        actor.Kind = input.Kind;
        actor.SponsorStateCode = sponsor;
        actor.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();

        // The name is matched like any alias (in articles, in lookups), so it is kept among them.
        var nameKey = TextFolding.Key(actor.Name);
        if (nameKey.Length > 0 && !actor.Aliases.Any(a => a.Key == nameKey))
        {
            actor.Aliases.Add(new ActorAlias { Name = actor.Name, Key = nameKey, Origin = EditorOrigin });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(EditOutcome.Conflict, null);
        }

        return new(EditOutcome.Saved, actor);
    }
}
