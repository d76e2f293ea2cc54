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
        var result = await new PartyEditor(db, ModelState).SaveAsync(slug, Input, cancellationToken);
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

    private Task<Party?> FindAsync(string slug, bool tracked, CancellationToken cancellationToken) =>
        PartyEditor.FindAsync(db, slug, tracked, cancellationToken);

    private static string Lines(IEnumerable<AliasRow> rows) =>
        string.Join("\n", rows.Where(r => !string.IsNullOrWhiteSpace(r.Name)).Select(r => r.Name!.Trim()).Order(StringComparer.Ordinal));
}
