using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Markdown;
using AttributionTracker.Web.Pages.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

/// <summary>
/// Creates (<c>/actors/new</c>) and edits an actor; its aliases are added and removed one at a time by their own
/// small forms, so no alias is lost to a half-filled main form. Renaming keeps the slug.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditModel(AttributionDbContext db, MarkdownRenderer markdown) : PageModel
{
    /// <summary>Where aliases typed by editors come from (reference reloads leave them alone).</summary>
    public const string EditorOrigin = ActorEditor.EditorOrigin;

    // Named explicitly: a form that posts none of these fields must not have them bound from its own (unprefixed) ones.
    [BindProperty(Name = "Input")]
    public ActorInput Input { get; set; } = new();

    [BindProperty(Name = "NewAlias")]
    public NewAliasInput NewAlias { get; set; } = new();

    public string? Slug { get; private set; }

    public IReadOnlyList<AliasLine> Aliases { get; private set; } = [];

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    public HtmlString? Preview { get; private set; }

    public ConflictView? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
        {
            var actor = await FindAsync(slug, cancellationToken);
            if (actor is null)
            {
                return NotFound();
            }

            Input = ActorInput.From(actor);
        }

        return await FormAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? slug, CancellationToken cancellationToken)
    {
        Preview = markdown.Render(Input.Description);
        return await FormAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken cancellationToken)
    {
        Forget("NewAlias");
        var result = await new ActorEditor(db, ModelState).SaveAsync(slug, Input, cancellationToken);
        switch (result.Outcome)
        {
            case EditOutcome.Invalid:
                return await FormAsync(slug, cancellationToken);
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Conflict:
                return await ConflictAsync(slug!, cancellationToken);
        }

        return RedirectToPage("Details", new { slug = result.Record!.Slug.Value });
    }

    public async Task<IActionResult> OnPostAddAliasAsync(string slug, CancellationToken cancellationToken)
    {
        Forget("Input");
        var actor = Domain.Slug.TryParse(slug, out var key)
            ? await db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Slug == key, cancellationToken)
            : null;
        if (actor is null)
        {
            return NotFound();
        }

        var name = NewAlias.Name?.Trim() ?? "";
        var aliasKey = TextFolding.Key(name);
        if (ModelState.IsValid && aliasKey.Length == 0)
        {
            ModelState.AddModelError("NewAlias.Name", "An alias needs at least one letter or digit.");
        }
        else if (actor.Aliases.Any(a => a.Key == aliasKey))
        {
            ModelState.AddModelError("NewAlias.Name", $"“{name}” is already an alias of {actor.Name}.");
        }

        int? coinedBy = null;
        if (!string.IsNullOrWhiteSpace(NewAlias.CoinedBy))
        {
            var parties = await NameLookup.PartiesAsync(db, NewAlias.CoinedBy, cancellationToken);
            if (parties.Count == 1)
            {
                coinedBy = parties[0].Id;
            }
            else
            {
                ModelState.AddModelError("NewAlias.CoinedBy", parties.Count == 0
                    ? $"No party is called “{NewAlias.CoinedBy.Trim()}”."
                    : $"Several parties are called that ({string.Join(", ", parties.Select(p => $"{p.Name}: {p.Slug}"))}); type the one you mean by its slug.");
            }
        }

        if (!ModelState.IsValid)
        {
            Input = ActorInput.From(actor);
            return await FormAsync(slug, cancellationToken);
        }

        actor.Aliases.Add(new ActorAlias
        {
            Name = name,
            Key = aliasKey,
            Language = NewAlias.Language?.Trim().ToLowerInvariant() is { Length: > 0 } language ? language : null,
            CoinedById = coinedBy,
            Origin = EditorOrigin,
        });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(null, null, new { slug }, "aliases");
    }

    public async Task<IActionResult> OnPostRemoveAliasAsync(string slug, int aliasId, CancellationToken cancellationToken)
    {
        if (!Domain.Slug.TryParse(slug, out var key))
        {
            return NotFound();
        }

        var alias = await db.ActorAliases.SingleOrDefaultAsync(a => a.Id == aliasId && db.Actors.Any(x => x.Id == a.ActorId && x.Slug == key), cancellationToken);
        if (alias is not null)
        {
            // Removing twice (a double click, a stale page) is not an error: the alias is gone either way.
            db.ActorAliases.Remove(alias);
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage(null, null, new { slug }, "aliases");
    }

    private async Task<IActionResult> ConflictAsync(string slug, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await FindAsync(slug, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var theirs = ActorInput.From(stored);
        Conflict = new ConflictView(
            ConflictView.Differences(
                ("Name", theirs.Name, Input.Name),
                ("Kind", theirs.Kind.ToString(), Input.Kind.ToString()),
                ("Sponsor state", theirs.SponsorState, Input.SponsorState),
                ("Description", theirs.Description, Input.Description)),
            stored.UpdatedBy,
            stored.UpdatedAt,
            Url.Page("Details", new { slug })!);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
        return await FormAsync(slug, cancellationToken);
    }

    private async Task<IActionResult> FormAsync(string? slug, CancellationToken cancellationToken)
    {
        Slug = slug;
        States = await StateOption.ListAsync(db, cancellationToken);
        if (slug is not null && Domain.Slug.TryParse(slug, out var key))
        {
            Aliases = await db.ActorAliases.AsNoTracking()
                .Where(a => db.Actors.Any(x => x.Id == a.ActorId && x.Slug == key))
                .OrderBy(a => a.Name)
                .Select(a => new AliasLine(a.Id, a.Name, a.Language, a.CoinedBy == null ? null : a.CoinedBy.Name))
                .ToListAsync(cancellationToken);
        }

        return Page();
    }

    private Task<Actor?> FindAsync(string slug, CancellationToken cancellationToken) =>
        Domain.Slug.TryParse(slug, out var key)
            ? db.Actors.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == key, cancellationToken)
            : Task.FromResult<Actor?>(null);

    /// <summary>Each form on the page posts only its own fields; the others' (empty) values are not its errors.</summary>
    private void Forget(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }
}
