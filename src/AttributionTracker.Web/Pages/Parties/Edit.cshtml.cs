using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Markdown;
using AttributionTracker.Web.Pages.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Parties;

/// <summary>Creates (<c>/parties/new</c>) and edits a party. Renaming keeps the slug.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditModel(AttributionDbContext db, MarkdownRenderer markdown) : PageModel
{
    [BindProperty]
    public PartyInput Input { get; set; } = new();

    public string? Slug { get; private set; }

    public HtmlString? Preview { get; private set; }

    public ConflictView? Conflict { get; private set; }

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
        {
            var party = await FindAsync(slug, tracked: false, cancellationToken);
            if (party is null)
            {
                return NotFound();
            }

            Input = PartyInput.From(party);
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
        var aliases = AliasRow.Validate(Input.Aliases, null, ModelState, "Input.Aliases");
        CountryCode? state = null;
        if (!string.IsNullOrWhiteSpace(Input.State))
        {
            if (CountryCode.TryParse(Input.State.Trim(), out var code) && await db.States.AnyAsync(s => s.Code == code, cancellationToken))
            {
                state = code;
            }
            else
            {
                ModelState.AddModelError("Input.State", "Choose a state from the list.");
            }
        }

        NamedRecord? parent = null;
        if (!string.IsNullOrWhiteSpace(Input.Parent))
        {
            var found = await NameLookup.PartiesAsync(db, Input.Parent, cancellationToken);
            if (found.Count == 1)
            {
                parent = found[0];
            }
            else
            {
                ModelState.AddModelError("Input.Parent", found.Count == 0
                    ? $"No party is called “{Input.Parent.Trim()}”."
                    : $"Several parties are called that ({string.Join(", ", found.Select(p => $"{p.Name}: {p.Slug}"))}); type the one you mean by its slug.");
            }
        }

        if (!ModelState.IsValid)
        {
            return await FormAsync(slug, cancellationToken);
        }

        var party = slug is null ? null : await FindAsync(slug, tracked: true, cancellationToken);
        if (slug is not null && party is null)
        {
            return NotFound();
        }

        if (party is null)
        {
            var taken = await db.Parties.Select(p => p.Slug).ToListAsync(cancellationToken);
            party = new Party { Name = Input.Name.Trim(), Slug = new SlugAllocator(taken.Concat(EditingRoutes.Reserved)).Allocate(Input.Name) };
            db.Parties.Add(party);
        }
        else
        {
            db.Entry(party).Property(p => p.Version).OriginalValue = Input.Version;
            if (parent is not null && await IsWithinAsync(parent.Id, party.Id, cancellationToken))
            {
                ModelState.AddModelError("Input.Parent", "A party cannot belong to itself or to one of its own members.");
                return await FormAsync(slug, cancellationToken);
            }
        }

        party.Name = Input.Name.Trim();
        party.Kind = Input.Kind;
        party.StateCode = state;
        party.Role = Blank(Input.Role);
        party.PersonName = Blank(Input.Person);
        party.ParentId = parent?.Id;
        party.Description = Blank(Input.Description);
        party.Aliases.RemoveAll(a => !aliases.Any(x => x.Key == a.Key));
        foreach (var (name, key, language) in aliases)
        {
            if (party.Aliases.Find(a => a.Key == key) is { } kept)
            {
                kept.Name = name;
                kept.Language = language;
            }
            else
            {
                party.Aliases.Add(new PartyAlias { Name = name, Key = key, Language = language });
            }
        }

        db.Entry(party).Property(p => p.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(slug!, cancellationToken);
        }

        return RedirectToPage("Details", new { slug = party.Slug.Value });
    }

    /// <summary>Whether <paramref name="candidate"/> is the party itself or below it (which would make a loop).</summary>
    private async Task<bool> IsWithinAsync(int candidate, int partyId, CancellationToken cancellationToken)
    {
        var parents = await db.Parties.AsNoTracking().Where(p => p.ParentId != null).Select(p => new { p.Id, p.ParentId }).ToDictionaryAsync(p => p.Id, p => p.ParentId!.Value, cancellationToken);
        for (int? at = candidate, steps = 0; at is { } id && steps < 100; at = parents.TryGetValue(id, out var up) ? up : null, steps++)
        {
            if (id == partyId)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<IActionResult> ConflictAsync(string slug, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await FindAsync(slug, tracked: false, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var theirs = PartyInput.From(stored);
        Conflict = new ConflictView(
            ConflictView.Differences(
                ("Name", theirs.Name, Input.Name),
                ("Kind", theirs.Kind.ToString(), Input.Kind.ToString()),
                ("State", theirs.State, Input.State),
                ("Role", theirs.Role, Input.Role),
                ("Person", theirs.Person, Input.Person),
                ("Part of", theirs.Parent, Input.Parent),
                ("Description", theirs.Description, Input.Description),
                ("Aliases", Lines(theirs.Aliases), Lines(Input.Aliases))),
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
        Input.Aliases = AliasRow.WithBlankSlots(Input.Aliases);
        States = await StateOption.ListAsync(db, cancellationToken);
        return Page();
    }

    private Task<Party?> FindAsync(string slug, bool tracked, CancellationToken cancellationToken)
    {
        if (!Domain.Slug.TryParse(slug, out var key))
        {
            return Task.FromResult<Party?>(null);
        }

        var query = db.Parties.Include(p => p.Aliases).Include(p => p.Parent).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Slug == key, cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Lines(IEnumerable<AliasRow> rows) =>
        string.Join("\n", rows.Where(r => !string.IsNullOrWhiteSpace(r.Name)).Select(r => r.Name!.Trim()).Order(StringComparer.Ordinal));
}
