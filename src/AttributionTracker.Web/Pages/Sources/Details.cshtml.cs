using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Sources;

public sealed class DetailsModel(AttributionDbContext db) : PageModel
{
    public HistoryView History { get; private set; } = HistoryView.Empty(nameof(Domain.Source));

    public SourceView Source { get; private set; } = null!;

    /// <summary>The text as paragraphs, with every statement's span marked.</summary>
    public IReadOnlyList<TextBlock> Blocks { get; private set; } = [];

    /// <summary>In the order they are read in the text.</summary>
    public IReadOnlyList<StatementRow> Statements { get; private set; } = [];

    /// <summary>"Attribution by United Kingdom, United States", by statement id, for the marks' labels.</summary>
    public IReadOnlyDictionary<int, string> Labels { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var source = await SourceView.Query(db.Sources.AsNoTracking().Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        var asOf = HttpContext.AsOf();
        if (asOf is { } day && !(source.PublishedOn?.Start <= day))
        {
            HttpContext.Items[StatusMessage.Key] = source.PublishedOn is { } published
                ? $"This source was published on {published.ToDisplayString()}, after the as-of day {day:yyyy-MM-dd}."
                : "This source has no publication date, so it is left out of as-of views.";
            return NotFound();
        }

        Source = source;
        var statements = db.Statements.AsNoTracking().PublicOn(asOf);
        Statements = await StatementRow.Query(statements.Where(s => s.SourceId == id)
                .OrderBy(s => s.SpanStart).ThenBy(s => s.Id))
            .ToListAsync(cancellationToken);
        var spans = await statements
            .Where(s => s.SourceId == id && s.SpanStart != null && s.SpanEnd != null)
            .Select(s => new StatementSpan(s.Id, s.SpanStart!.Value, s.SpanEnd!.Value))
            .ToListAsync(cancellationToken);
        Blocks = SpanSegments.Paragraphs(source.Text, spans);
        Labels = Statements.ToDictionary(s => s.Id, s => s.Parties.Count == 0 ? $"{s.Kind}" : $"{s.Kind} by {string.Join(", ", s.Parties.Select(p => p.Name))}");
        History = await RecordHistory.ForAsync(db, nameof(Domain.Source), id, cancellationToken);
        return Page();
    }

    /// <summary>The element id of a mark: the first statement beginning there, if any does (a continuation has none).</summary>
    public static string? MarkId(TextSegment segment) => segment.Anchors.Count > 0 ? $"s{segment.Anchors[0]}" : null;

    /// <summary>Every statement read from a mark, as its fragment ids ("s1 s2").</summary>
    public static string Fragments(TextSegment segment) => string.Join(' ', segment.StatementIds.Select(i => $"s{i}"));

    /// <summary>The title of a mark: each statement read from it ("Attribution by United Kingdom; Attribution by United States").</summary>
    public string LabelFor(TextSegment segment) =>
        string.Join("; ", segment.StatementIds.Select(i => Labels.GetValueOrDefault(i, "Statement")));
}

public sealed record SourceView(
    int Id,
    string Title,
    string? Publisher,
    string? Url,
    string Language,
    PartialDate? PublishedOn,
    string? ImportedFrom,
    string Text)
{
    /// <summary>The page's projection of one source, which the JSON API reads too.</summary>
    public static IQueryable<SourceView> Query(IQueryable<Source> sources) =>
        sources.Select(s => new SourceView(s.Id, s.Title, s.Publisher, s.Url, s.Language, s.PublishedOn, s.ImportedFrom, s.Text));

    /// <summary>Only web addresses become links: a stored "javascript:" or file path must not.</summary>
    public Uri? WebUrl =>
        Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
