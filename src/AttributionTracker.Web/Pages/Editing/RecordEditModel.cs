using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Markdown;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>
/// What the create-or-edit page of every slugged record does the same way: fill the form from the stored record,
/// preview its Markdown, save through the record's editor (the rules the JSON API shares), and, when someone saved
/// first, show their values beside the ones typed here with the form set to overwrite the version now stored.
/// A page says only what differs: how to find, read and save its record, and what its conflict lists.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public abstract class RecordEditModel<TRecord, TInput>(AttributionDbContext db, MarkdownRenderer markdown) : PageModel
    where TRecord : Entity
    where TInput : class, IEditInput, new()
{
    // Named explicitly: a form on the page that posts none of these fields must not have them bound from its own
    // (unprefixed) ones.
    [BindProperty(Name = "Input")]
    public TInput Input { get; set; } = new();

    public string? Slug { get; private set; }

    public HtmlString? Preview { get; private set; }

    public ConflictView? Conflict { get; private set; }

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    protected AttributionDbContext Db => db;

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
        {
            var record = await FindAsync(slug, cancellationToken);
            if (record is null)
            {
                return NotFound();
            }

            Input = ToInput(record);
        }

        return await FormAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? slug, CancellationToken cancellationToken)
    {
        Preview = markdown.Render(MarkdownOf(Input));
        return await FormAsync(slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken cancellationToken)
    {
        BeforeSave();
        var result = await SaveAsync(slug, cancellationToken);
        return result.Outcome switch
        {
            EditOutcome.Invalid => await FormAsync(slug, cancellationToken),
            EditOutcome.NotFound => NotFound(),
            EditOutcome.Conflict => await ConflictAsync(slug!, cancellationToken),
            _ => RedirectToPage("Details", new { slug = SlugOf(result.Record!).Value }),
        };
    }

    /// <summary>The stored record, untracked, or null.</summary>
    protected abstract Task<TRecord?> FindAsync(string slug, CancellationToken cancellationToken);

    protected abstract TInput ToInput(TRecord record);

    /// <summary>Saves <see cref="Input"/> through the record's editor, which reports problems into the model state.</summary>
    protected abstract Task<EditResult<TRecord>> SaveAsync(string? slug, CancellationToken cancellationToken);

    protected abstract Slug SlugOf(TRecord record);

    /// <summary>The Markdown field the preview renders.</summary>
    protected abstract string? MarkdownOf(TInput input);

    /// <summary>The fields a conflict compares: the stored values (<paramref name="theirs"/>) beside <see cref="Input"/>.</summary>
    protected abstract IReadOnlyList<ConflictField> Differences(TInput theirs);

    /// <summary>Before the main form is saved: e.g. forget the errors of the page's other forms.</summary>
    protected virtual void BeforeSave()
    {
    }

    /// <summary>What the form needs besides <see cref="Input"/> and the states (blank rows, the record's aliases).</summary>
    protected virtual Task PrepareFormAsync(string? slug, CancellationToken cancellationToken) => Task.CompletedTask;

    protected async Task<IActionResult> FormAsync(string? slug, CancellationToken cancellationToken)
    {
        Slug = slug;
        States = await StateOption.ListAsync(db, cancellationToken);
        await PrepareFormAsync(slug, cancellationToken);
        return Page();
    }

    /// <summary>Sorted non-blank lines, so a list field compares equal whatever the order it was typed in.</summary>
    protected static string Lines(IEnumerable<string?> values) =>
        string.Join("\n", values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Order(StringComparer.Ordinal));

    private async Task<IActionResult> ConflictAsync(string slug, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await FindAsync(slug, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        Conflict = ConflictView.Against(stored, Differences(ToInput(stored)), Input, ModelState, Url.Page("Details", new { slug })!);
        return await FormAsync(slug, cancellationToken);
    }
}
