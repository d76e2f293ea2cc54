using System.Text.Encodings.Web;
using AttributionTracker.Import;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using AttributionTracker.Web.Pages.Sources;
using Microsoft.AspNetCore.Html;

namespace AttributionTracker.Web.Pages.Import;

/// <summary>What is highlighted in the article: a statement's sentence or a mention of a record.</summary>
public enum HighlightKind
{
    Statement,
    Actor,
    Party,
    Incident,
}

/// <param name="Number">For a statement, its number in the list beside the text.</param>
public sealed record Highlight(HighlightKind Kind, string Label, int? Number, string? Anchor, bool Rejected);

/// <summary>An extracted actor, party or incident and the stored record the import would merge it into (null: a new one).</summary>
public sealed record ReviewRecord(string Id, string Name, StoredRecord? Existing)
{
    public string Status => Existing is null ? "new — would be created" : $"matches {Existing.Name}";
}

public sealed record StateOption(string Code, string Name);

/// <summary>The preview: the article with every recognised mention and statement marked, and the records beside it.</summary>
public sealed class ReviewView
{
    private readonly Dictionary<int, Highlight> highlights = [];

    private ReviewView(ReviewPayload payload, ReviewInput input, ExistingRecords existing, IReadOnlyList<StateOption> states, int? alreadyImported)
    {
        Article = payload.Article;
        ImportedFrom = payload.ImportedFrom;
        Extraction = payload.Extraction;
        Input = input;
        States = states;
        AlreadyImportedSourceId = alreadyImported;
        Actors = [.. Extraction.Actors.Select(a => new ReviewRecord(a.Id, a.Name, existing.Actors.GetValueOrDefault(a.Id)))];
        Parties = [.. Extraction.Parties.Select(p => new ReviewRecord(p.Id, p.Name, existing.Parties.GetValueOrDefault(p.Id)))];
        Incidents = [.. Extraction.Incidents.Select(i => new ReviewRecord(i.Id, i.Name, existing.Incidents.GetValueOrDefault(i.Id)))];

        var spans = new List<StatementSpan>();
        void Add(HighlightKind kind, string label, int start, int end, int? number = null, string? anchor = null, bool rejected = false)
        {
            var id = highlights.Count;
            highlights[id] = new Highlight(kind, label, number, anchor, rejected);
            spans.Add(new StatementSpan(id, start, end));
        }

        for (var i = 0; i < Extraction.Statements.Count; i++)
        {
            var s = Extraction.Statements[i];
            var rejected = input.Statements.FirstOrDefault(e => e.Id == s.Id) is { Keep: false };
            Add(HighlightKind.Statement, $"statement {i + 1}: {s.Kind} by {PartyName(s.Party)}{(rejected ? " (rejected)" : "")}", s.Start, s.End, i + 1, StatementAnchor(i), rejected);
        }

        foreach (var a in Actors.Zip(Extraction.Actors))
        {
            a.Second.Mentions.Where(m => m.Length == 2).ToList().ForEach(m => Add(HighlightKind.Actor, $"actor: {a.First.Name} ({a.First.Status})", m[0], m[1]));
        }

        foreach (var p in Parties.Zip(Extraction.Parties))
        {
            p.Second.Mentions.Where(m => m.Length == 2).ToList().ForEach(m => Add(HighlightKind.Party, $"party: {p.First.Name} ({p.First.Status})", m[0], m[1]));
        }

        foreach (var n in Incidents.Zip(Extraction.Incidents))
        {
            n.Second.Mentions.Where(m => m.Length == 2).ToList().ForEach(m => Add(HighlightKind.Incident, $"incident: {n.First.Name} ({n.First.Status})", m[0], m[1]));
        }

        Blocks = SpanSegments.Paragraphs(Article.Text, spans);
    }

    public ArticleText Article { get; }

    public string ImportedFrom { get; }

    public Extraction Extraction { get; }

    public ReviewInput Input { get; }

    public IReadOnlyList<StateOption> States { get; }

    public int? AlreadyImportedSourceId { get; }

    public IReadOnlyList<ReviewRecord> Actors { get; }

    public IReadOnlyList<ReviewRecord> Parties { get; }

    public IReadOnlyList<ReviewRecord> Incidents { get; }

    public IReadOnlyList<TextBlock> Blocks { get; }

    public static ReviewView Build(ReviewPayload payload, ReviewInput input, ExistingRecords existing, IReadOnlyList<StateOption> states, int? alreadyImported) =>
        new(payload, input, existing, states, alreadyImported);

    public static string StatementAnchor(int index) => $"review-s{index + 1}";

    public string PartyName(string? id) => Extraction.Parties.FirstOrDefault(p => p.Id == id)?.Name ?? "an unknown party";

    /// <summary>
    /// One paragraph of the article as HTML: each statement's number where its sentence begins, its sentence in a
    /// mark, and each mention in a span per kind, nested the same way in every segment so the marks never cross.
    /// </summary>
    public IHtmlContent Paragraph(TextBlock block)
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in block.Segments)
        {
            var covering = segment.StatementIds.Select(id => highlights[id]).ToList();
            foreach (var start in segment.Anchors.Select(id => highlights[id]).Where(h => h.Kind == HighlightKind.Statement).OrderBy(h => h.Number))
            {
                html.AppendHtml($"<a class=\"review-number{(start.Rejected ? " is-rejected" : "")}\" href=\"#{start.Anchor}\" aria-label=\"statement {start.Number}\">{start.Number}</a>");
            }

            foreach (var kind in covering.GroupBy(h => h.Kind).OrderBy(g => g.Key))
            {
                var title = Encode(string.Join("; ", kind.Select(h => h.Label).Distinct()));
                var cls = kind.Key.ToString().ToLowerInvariant();
                if (kind.Key == HighlightKind.Statement)
                {
                    html.AppendHtml($"<mark class=\"review-statement{(kind.All(h => h.Rejected) ? " is-rejected" : "")}\" title=\"{title}\">");
                }
                else
                {
                    html.AppendHtml($"<span class=\"review-mention review-{cls}\" title=\"{title}\">");
                }
            }

            html.Append(segment.Text);
            foreach (var kind in covering.GroupBy(h => h.Kind).OrderByDescending(g => g.Key))
            {
                html.AppendHtml(kind.Key == HighlightKind.Statement ? "</mark>" : "</span>");
            }
        }

        return html;
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
