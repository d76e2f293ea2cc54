using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Pages.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Sources;

/// <summary>
/// Creates (<c>/sources/new</c>) and edits a source. Its text can change only while no statement points into it:
/// statements hold character offsets into the text, and an edit would silently move every quote onto other words.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditModel(AttributionDbContext db) : PageModel
{
    [BindProperty]
    public SourceInput Input { get; set; } = new();

    public int? Id { get; private set; }

    /// <summary>How many statements quote a span of the text (which then cannot change).</summary>
    public int SpanCount { get; private set; }

    public ConflictView? Conflict { get; private set; }

    public bool TextLocked => SpanCount > 0;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            var source = await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == existing, cancellationToken);
            if (source is null)
            {
                return NotFound();
            }

            Input = SourceInput.From(source);
        }

        return await FormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var source = id is null ? null : await db.Sources.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (id is not null && source is null)
        {
            return NotFound();
        }

        SpanCount = await SpansAsync(id, cancellationToken);
        var published = DateField.Parse(Input.PublishedOn, ModelState, "Input.PublishedOn");
        var url = Blank(Input.Url);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0))
        {
            ModelState.AddModelError("Input.Url", "The address must be a full web address beginning with http:// or https://.");
        }

        var text = TextLocked ? source!.Text : Input.Text ?? "";
        if (!TextLocked && string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError("Input.Text", "Paste the text of the source.");
        }

        var fingerprint = string.IsNullOrWhiteSpace(text) ? "" : SourceText.Fingerprint(text);
        if (fingerprint.Length > 0 && await db.Sources.AnyAsync(s => s.TextSha256 == fingerprint && s.Id != (id ?? 0), cancellationToken))
        {
            ModelState.AddModelError("Input.Text", "This text is already stored as another source.");
        }

        if (!ModelState.IsValid)
        {
            return await FormAsync(id, cancellationToken);
        }

        if (source is null)
        {
            source = new Source { Title = Input.Title.Trim(), Language = "", Text = text, TextSha256 = fingerprint };
            db.Sources.Add(source);
        }
        else
        {
            db.Entry(source).Property(s => s.Version).OriginalValue = Input.Version;
        }

        source.Title = Input.Title.Trim();
        source.Publisher = Blank(Input.Publisher);
        source.Url = url;
        source.Language = Input.Language.Trim().ToLowerInvariant();
        source.PublishedOn = published;
        if (!TextLocked)
        {
            source.Text = text;
            source.TextSha256 = fingerprint;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(id!.Value, cancellationToken);
        }

        return RedirectToPage("Details", new { id = source.Id });
    }

    private async Task<IActionResult> ConflictAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var theirs = SourceInput.From(stored);
        var fields = ConflictView.Differences(
            ("Title", theirs.Title, Input.Title),
            ("Publisher", theirs.Publisher, Input.Publisher),
            ("Address", theirs.Url, Input.Url),
            ("Language", theirs.Language, Input.Language),
            ("Published", theirs.PublishedOn, Input.PublishedOn),
            ("Text", theirs.Text, TextLocked ? theirs.Text : Input.Text));
        Conflict = ConflictView.Against(stored, fields, Input, ModelState, Url.Page("Details", new { id })!);
        return await FormAsync(id, cancellationToken);
    }

    private async Task<IActionResult> FormAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        SpanCount = await SpansAsync(id, cancellationToken);
        if (TextLocked)
        {
            // Show what is stored, whatever was posted: the field is not the editor's to change.
            ModelState.Remove("Input.Text");
            Input.Text = await db.Sources.Where(s => s.Id == id).Select(s => s.Text).SingleAsync(cancellationToken);
        }

        return Page();
    }

    private Task<int> SpansAsync(int? id, CancellationToken cancellationToken) =>
        id is null ? Task.FromResult(0) : db.Statements.CountAsync(s => s.SourceId == id && s.SpanStart != null, cancellationToken);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
