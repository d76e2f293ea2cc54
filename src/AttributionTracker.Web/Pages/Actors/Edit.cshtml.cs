using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Markdown;
using AttributionTracker.Web.Pages.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

/// <summary>
/// Creates (<c>/actors/new</c>) and edits an actor; its aliases are added and removed one at a time by their own
/// small forms, so no alias is lost to a half-filled main form. Renaming keeps the slug.
/// </summary>
public sealed class EditModel(AttributionDbContext db, MarkdownRenderer markdown) : RecordEditModel<Actor, ActorInput>(db, markdown)
{
    /// <summary>Where aliases typed by editors come from (reference reloads leave them alone).</summary>
    public const string EditorOrigin = ActorEditor.EditorOrigin;

    [BindProperty(Name = "NewAlias")]
    public NewAliasInput NewAlias { get; set; } = new();

    public IReadOnlyList<AliasLine> Aliases { get; private set; } = [];

    public async Task<IActionResult> OnPostAddAliasAsync(string slug, CancellationToken cancellationToken)
    {
        Forget("Input");
        var actor = Domain.Slug.TryParse(slug, out var key)
            ? await Db.Actors.Include(a => a.Aliases).SingleOrDefaultAsync(a => a.Slug == key, cancellationToken)
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
            var parties = await NameLookup.PartiesAsync(Db, NewAlias.CoinedBy, cancellationToken);
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
        await Db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(null, null, new { slug }, "aliases");
    }

    public async Task<IActionResult> OnPostRemoveAliasAsync(string slug, int aliasId, CancellationToken cancellationToken)
    {
        if (!Domain.Slug.TryParse(slug, out var key))
        {
            return NotFound();
        }

        var alias = await Db.ActorAliases.SingleOrDefaultAsync(a => a.Id == aliasId && Db.Actors.Any(x => x.Id == a.ActorId && x.Slug == key), cancellationToken);
        if (alias is not null)
        {
            // Removing twice (a double click, a stale page) is not an error: the alias is gone either way.
            Db.ActorAliases.Remove(alias);
            await Db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage(null, null, new { slug }, "aliases");
    }

    protected override Task<Actor?> FindAsync(string slug, CancellationToken cancellationToken) =>
        Domain.Slug.TryParse(slug, out var key)
            ? Db.Actors.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == key, cancellationToken)
            : Task.FromResult<Actor?>(null);

    protected override ActorInput ToInput(Actor record) => ActorInput.From(record);

    protected override Task<EditResult<Actor>> SaveAsync(string? slug, CancellationToken cancellationToken) =>
        new ActorEditor(Db, ModelState).SaveAsync(slug, Input, cancellationToken);

    protected override Slug SlugOf(Actor record) => record.Slug;

    protected override string? MarkdownOf(ActorInput input) => input.Description;

    protected override IReadOnlyList<ConflictField> Differences(ActorInput theirs) => ConflictView.Differences(
        ("Name", theirs.Name, Input.Name),
        ("Kind", theirs.Kind.ToString(), Input.Kind.ToString()),
        ("Sponsor state", theirs.SponsorState, Input.SponsorState),
        ("Description", theirs.Description, Input.Description));

    protected override void BeforeSave() => Forget("NewAlias");

    protected override async Task PrepareFormAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null && Domain.Slug.TryParse(slug, out var key))
        {
            Aliases = await Db.ActorAliases.AsNoTracking()
                .Where(a => Db.Actors.Any(x => x.Id == a.ActorId && x.Slug == key))
                .OrderBy(a => a.Name)
                .Select(a => new AliasLine(a.Id, a.Name, a.Language, a.CoinedBy == null ? null : a.CoinedBy.Name))
                .ToListAsync(cancellationToken);
        }
    }

    /// <summary>Each form on the page posts only its own fields; the others' (empty) values are not its errors.</summary>
    private void Forget(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }
}
