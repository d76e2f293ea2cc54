using System.Text;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Import;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using AttributionTracker.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Import;

/// <summary>
/// Paste or upload an article, preview what the importer found in it, accept, reject or correct each statement, and
/// commit through the same <see cref="ArticleImporter"/> as the command line. Nothing is kept on the server between
/// preview and commit: the form carries the sealed <see cref="ReviewPayload"/>.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class IndexModel(AttributionDbContext db, ArticleImporter importer, IDataProtectionProvider dataProtection, ILogger<IndexModel> logger) : PageModel
{
    public const string PastedName = "pasted text";

    private static readonly string[] FileExtensions = [".txt", ".md", ".markdown", ".html", ".htm"];

    private readonly ReviewPayloadProtector protector = new(dataProtection);

    [BindProperty]
    public ArticleInput Article { get; set; } = new();

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    public ReviewView? View { get; private set; }

    /// <summary>A refusal that concerns the whole form rather than one field (a review that cannot be verified).</summary>
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        // The review part of the form is empty until a preview made it.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Review", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        var article = await ReadAsync(cancellationToken);
        if (article is null)
        {
            return Page();
        }

        var importedFrom = Article.File is { } file ? Path.GetFileName(file.FileName) : PastedName;
        var extraction = Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn);
        var payload = ReviewPayload.From(article, importedFrom, extraction);
        Review = ReviewInput.Initial(protector.Protect(payload), article.Title, extraction);
        await ShowAsync(payload, cancellationToken);
        return Page();
    }

    /// <summary>Shows the preview again with the editor's decisions marked and their corrections checked.</summary>
    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        if (Unsealed() is not { } payload)
        {
            return Refused();
        }

        ModelState.Clear();
        Review.Apply(payload.Extraction, await StateCodesAsync(cancellationToken), ModelState);
        await ShowAsync(payload, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken cancellationToken)
    {
        if (Unsealed() is not { } payload)
        {
            return Refused();
        }

        ModelState.Clear();
        var reviewed = Review.Apply(payload.Extraction, await StateCodesAsync(cancellationToken), ModelState);
        if (reviewed is null)
        {
            await ShowAsync(payload, cancellationToken);
            return Page();
        }

        try
        {
            var who = User.Identity?.Name ?? ArticleImporter.ChangedBy;
            var result = await importer.ImportAsync(Review.Titled(payload.Article), reviewed, payload.ImportedFrom, who, cancellationToken);
            if (result.Outcome == ImportOutcome.AlreadyImported)
            {
                await ShowAsync(payload, cancellationToken);
                return Page();
            }

            logger.LogInformation("{Account} imported {Statements} reviewed statements as source {SourceId}", who, result.Statements, result.SourceId);
            return RedirectToPage("/Sources/Details", new { id = result.SourceId });
        }
        catch (InvalidExtractionException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(string.Empty, problem);
            }

            await ShowAsync(payload, cancellationToken);
            return Page();
        }
    }

    private async Task<ArticleText?> ReadAsync(CancellationToken cancellationToken)
    {
        PartialDate? published = null;
        if (!string.IsNullOrWhiteSpace(Article.Published) && !PartialDate.TryParse(Article.Published.Trim(), out published))
        {
            ModelState.AddModelError("Article.Published", "Enter the date as YYYY, YYYY-MM or YYYY-MM-DD, or leave it empty.");
        }

        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(Article.Url) &&
            (!Uri.TryCreate(Article.Url.Trim(), UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            ModelState.AddModelError("Article.Url", "Enter the full address, starting with https:// or http://, or leave it empty.");
        }

        var pasted = !string.IsNullOrWhiteSpace(Article.Text);
        var file = Article.File;
        if (pasted && file is not null)
        {
            ModelState.AddModelError("Article.File", "Paste the text or choose a file, not both.");
        }
        else if (!pasted && file is null)
        {
            ModelState.AddModelError("Article.Text", "Paste an article's text, or choose a file below.");
        }
        else if (file is not null && !FileExtensions.Contains(Path.GetExtension(file.FileName), StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Article.File", "Choose a .txt, .md or .html file.");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var options = new ArticleReadOptions
        {
            Language = Article.Language is "en" or "es" ? Article.Language : null,
            Title = string.IsNullOrWhiteSpace(Article.Title) ? null : Article.Title.Trim(),
            PublishedOn = published,
        };
        try
        {
            ArticleText article;
            if (file is not null)
            {
                // Kestrel caps the request; past the reader's own limit the bytes are not worth reading to refuse them.
                var bytes = file.Length > ArticleReader.MaxBytes ? new byte[file.Length] : await ReadAllAsync(file, cancellationToken);
                article = ArticleReader.Read(bytes, Path.GetFileName(file.FileName), options);
            }
            else
            {
                article = ArticleReader.Read(Encoding.UTF8.GetBytes(Article.Text!), PastedName, options);
            }

            return url is null ? article : article with { Url = url.AbsoluteUri };
        }
        catch (ArticleReadException e)
        {
            var reason = char.ToUpperInvariant(e.Reason[0]) + e.Reason[1..] + ".";
            ModelState.AddModelError(file is null ? "Article.Text" : "Article.File", reason);
            return null;
        }
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private ReviewPayload? Unsealed() => protector.Unprotect(Review.Payload);

    private PageResult Refused()
    {
        logger.LogWarning("Import review refused for {Account}: its sealed payload could not be verified", User.Identity?.Name);
        ModelState.Clear();
        Problem = "This review could not be verified: the form was changed, is more than a day old, or was made before the server's keys changed. Nothing was saved. Paste or upload the article again.";
        Review = new ReviewInput();
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task ShowAsync(ReviewPayload payload, CancellationToken cancellationToken)
    {
        var fingerprint = SourceText.Fingerprint(payload.Text);
        var already = await db.Sources.Where(s => s.TextSha256 == fingerprint).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var existing = await ExistingRecords.FindAsync(db, payload.Extraction, cancellationToken);
        var states = await db.States.AsNoTracking().OrderBy(s => s.NameEn).Select(s => new { s.Code, s.NameEn }).ToListAsync(cancellationToken);
        View = ReviewView.Build(payload, Review, existing, [.. states.Select(s => new StateOption(s.Code.Value, s.NameEn))], already);
    }

    private async Task<IReadOnlySet<string>> StateCodesAsync(CancellationToken cancellationToken) =>
        (await db.States.Select(s => s.Code).ToListAsync(cancellationToken)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}
