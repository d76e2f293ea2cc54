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

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>
/// Creates (<c>/incidents/new</c>) and edits an incident. Renaming keeps the slug, so every link to the incident
/// keeps working; a new incident gets a slug from its first name.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditModel(AttributionDbContext db, MarkdownRenderer markdown) : PageModel
{
    private const int BlankVictimSlots = 3;

    [BindProperty]
    public IncidentInput Input { get; set; } = new();

    public string? Slug { get; private set; }

    public HtmlString? Preview { get; private set; }

    public ConflictView? Conflict { get; private set; }

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
        {
            var incident = await FindAsync(slug, tracked: false, cancellationToken);
            if (incident is null)
            {
                return NotFound();
            }

            Input = IncidentInput.From(incident);
        }

        return await FormAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? slug, CancellationToken cancellationToken)
    {
        Preview = markdown.Render(Input.Summary);
        return await FormAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken cancellationToken)
    {
        var start = DateField.Parse(Input.Start, ModelState, "Input.Start");
        var end = DateField.Parse(Input.End, ModelState, "Input.End");
        if (start is not null && end is not null && end.End < start.Start)
        {
            ModelState.AddModelError("Input.End", "The end cannot be before the start.");
        }

        var aliases = AliasRow.Validate(Input.Aliases, null, ModelState, "Input.Aliases");
        var victims = await VictimsAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return await FormAsync(slug, cancellationToken);
        }

        var incident = slug is null ? null : await FindAsync(slug, tracked: true, cancellationToken);
        if (slug is not null && incident is null)
        {
            return NotFound();
        }

        if (incident is null)
        {
            var taken = await db.Incidents.Select(i => i.Slug).ToListAsync(cancellationToken);
            incident = new Incident { Name = Input.Name.Trim(), Slug = new SlugAllocator(taken.Concat(EditingRoutes.Reserved)).Allocate(Input.Name) };
            db.Incidents.Add(incident);
        }
        else
        {
            db.Entry(incident).Property(i => i.Version).OriginalValue = Input.Version;
        }

        incident.Name = Input.Name.Trim();
        incident.Type = Input.Type;
        incident.StartDate = start;
        incident.EndDate = end;
        incident.Scale = Blank(Input.Scale);
        incident.Summary = Blank(Input.Summary);
        incident.Aliases.RemoveAll(a => !aliases.Any(x => x.Key == a.Key));
        foreach (var (name, key, language) in aliases)
        {
            if (incident.Aliases.Find(a => a.Key == key) is { } kept)
            {
                kept.Name = name;
                kept.Language = language;
            }
            else
            {
                incident.Aliases.Add(new IncidentAlias { Name = name, Key = key, Language = language });
            }
        }

        incident.Victims.RemoveAll(v => !victims.Any(x => x.Name == v.Name && x.State == v.StateCode));
        incident.Victims.AddRange(victims.Where(x => !incident.Victims.Any(v => v.Name == x.Name && v.StateCode == x.State))
            .Select(x => new IncidentVictim { Name = x.Name, StateCode = x.State }));

        // Aliases and victims live in their own tables; marking the incident itself changed makes every save of
        // this form check (and bump) its version, so a change to a victim alone cannot slip past a conflict.
        db.Entry(incident).Property(i => i.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(slug!, cancellationToken);
        }

        return RedirectToPage("Details", new { slug = incident.Slug.Value });
    }

    private async Task<IActionResult> ConflictAsync(string slug, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await FindAsync(slug, tracked: false, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var theirs = IncidentInput.From(stored);
        Conflict = new ConflictView(
            ConflictView.Differences(
                ("Name", theirs.Name, Input.Name),
                ("Type", theirs.Type.ToString(), Input.Type.ToString()),
                ("Started", theirs.Start, Input.Start),
                ("Ended", theirs.End, Input.End),
                ("Scale", theirs.Scale, Input.Scale),
                ("Summary", theirs.Summary, Input.Summary),
                ("Aliases", Lines(theirs.Aliases.Select(a => a.Name)), Lines(Input.Aliases.Select(a => a.Name))),
                ("Victims", Lines(theirs.Victims.Select(v => $"{v.Name} {v.State}")), Lines(Input.Victims.Select(v => $"{v.Name} {v.State}")))),
            stored.UpdatedBy,
            stored.UpdatedAt,
            Url.Page("Details", new { slug })!);

        // "Save mine" resubmits the form against the version now stored.
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
        return await FormAsync(slug, cancellationToken);
    }

    private async Task<List<(string Name, CountryCode? State)>> VictimsAsync(CancellationToken cancellationToken)
    {
        var known = (await db.States.AsNoTracking().Select(s => s.Code).ToListAsync(cancellationToken)).ToHashSet();
        var result = new List<(string, CountryCode?)>();
        for (var i = 0; i < Input.Victims.Count; i++)
        {
            var row = Input.Victims[i];
            if (string.IsNullOrWhiteSpace(row.Name))
            {
                if (!string.IsNullOrWhiteSpace(row.State))
                {
                    ModelState.AddModelError($"Input.Victims[{i}].Name", "Name the victim or clear its state.");
                }

                continue;
            }

            CountryCode? state = null;
            if (!string.IsNullOrWhiteSpace(row.State))
            {
                if (CountryCode.TryParse(row.State.Trim(), out var code) && known.Contains(code))
                {
                    state = code;
                }
                else
                {
                    ModelState.AddModelError($"Input.Victims[{i}].State", $"“{row.State}” is not a state's two-letter code (FI, GB, US…).");
                    continue;
                }
            }

            result.Add((row.Name.Trim(), state));
        }

        return result;
    }

    private async Task<IActionResult> FormAsync(string? slug, CancellationToken cancellationToken)
    {
        Slug = slug;
        Input.Aliases = AliasRow.WithBlankSlots(Input.Aliases);
        Input.Victims = [.. Input.Victims.Where(v => !string.IsNullOrWhiteSpace(v.Name) || !string.IsNullOrWhiteSpace(v.State)),
            .. Enumerable.Range(0, BlankVictimSlots).Select(_ => new VictimRow())];
        States = await StateOption.ListAsync(db, cancellationToken);
        return Page();
    }

    private Task<Incident?> FindAsync(string slug, bool tracked, CancellationToken cancellationToken)
    {
        if (!Domain.Slug.TryParse(slug, out var key))
        {
            return Task.FromResult<Incident?>(null);
        }

        var query = db.Incidents.Include(i => i.Aliases).Include(i => i.Victims).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(i => i.Slug == key, cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Lines(IEnumerable<string?> values) =>
        string.Join("\n", values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Order(StringComparer.Ordinal));
}
