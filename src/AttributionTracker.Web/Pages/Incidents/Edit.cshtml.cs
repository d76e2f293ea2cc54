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
        var result = await new IncidentEditor(db, ModelState).SaveAsync(slug, Input, cancellationToken);
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

    private async Task<IActionResult> FormAsync(string? slug, CancellationToken cancellationToken)
    {
        Slug = slug;
        Input.Aliases = AliasRow.WithBlankSlots(Input.Aliases);
        Input.Victims = [.. Input.Victims.Where(v => !string.IsNullOrWhiteSpace(v.Name) || !string.IsNullOrWhiteSpace(v.State)),
            .. Enumerable.Range(0, BlankVictimSlots).Select(_ => new VictimRow())];
        States = await StateOption.ListAsync(db, cancellationToken);
        return Page();
    }

    private Task<Incident?> FindAsync(string slug, bool tracked, CancellationToken cancellationToken) =>
        IncidentEditor.FindAsync(db, slug, tracked, cancellationToken);

    private static string Lines(IEnumerable<string?> values) =>
        string.Join("\n", values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Order(StringComparer.Ordinal));
}
