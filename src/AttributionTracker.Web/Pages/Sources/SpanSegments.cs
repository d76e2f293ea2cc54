using System.Text.RegularExpressions;

namespace AttributionTracker.Web.Pages.Sources;

/// <summary>A statement's character span in a source text, end exclusive.</summary>
public readonly record struct StatementSpan(int StatementId, int Start, int End);

/// <summary>
/// A run of text covered by the same set of statement spans (none for plain text).
/// <paramref name="Anchors"/> are the statements whose span begins here: each appears in exactly one segment,
/// so every statement has one place for its <c>#sN</c> fragment.
/// </summary>
public sealed record TextSegment(string Text, IReadOnlyList<int> StatementIds, IReadOnlyList<int> Anchors)
{
    public bool IsMarked => StatementIds.Count > 0;
}

/// <summary>A paragraph, or the blank lines between two (kept so the segments still add up to the whole text).</summary>
public sealed record TextBlock(bool IsParagraph, IReadOnlyList<TextSegment> Segments);

/// <summary>
/// Cuts a text at every span boundary so that spans which overlap, nest or coincide become a flat run of
/// segments: HTML marks can then never cross, and the segments concatenate back to the text exactly.
/// </summary>
public static partial class SpanSegments
{
    public static IReadOnlyList<TextSegment> Split(string text, IEnumerable<StatementSpan> spans) =>
        Split(text, spans, []);

    /// <summary>Splits on blank lines into paragraphs; a span crossing a paragraph break is cut there.</summary>
    public static IReadOnlyList<TextBlock> Paragraphs(string text, IEnumerable<StatementSpan> spans)
    {
        var breaks = ParagraphBreak().Matches(text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        var segments = Split(text, spans, breaks.SelectMany(b => new[] { b.Index, b.End }));

        var blocks = new List<TextBlock>();
        var current = new List<TextSegment>();
        var inBreak = false;
        var breakIndex = 0;
        var position = 0;
        foreach (var segment in segments)
        {
            // Cuts were made at every break boundary, so a segment lies wholly inside or outside a break.
            while (breakIndex < breaks.Count && position >= breaks[breakIndex].End)
            {
                breakIndex++;
            }

            var segmentInBreak = breakIndex < breaks.Count && position >= breaks[breakIndex].Index;
            if (segmentInBreak != inBreak)
            {
                Flush();
                inBreak = segmentInBreak;
            }

            current.Add(segment);
            position += segment.Text.Length;
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (current.Count > 0)
            {
                blocks.Add(new TextBlock(!inBreak, current));
                current = [];
            }
        }
    }

    private static List<TextSegment> Split(string text, IEnumerable<StatementSpan> spans, IEnumerable<int> extraCuts)
    {
        // Bad data (a span outside the text, empty or reversed, a repeated statement) is left out rather than failing the page.
        var valid = spans
            .Select(s => s with { Start = OnCharBoundary(text, s.Start), End = OnCharBoundary(text, s.End) })
            .Where(s => s.Start >= 0 && s.End <= text.Length && s.Start < s.End)
            .DistinctBy(s => s.StatementId)
            .OrderBy(s => s.Start).ThenBy(s => s.StatementId)
            .ToList();

        var cuts = valid.SelectMany(s => new[] { s.Start, s.End })
            .Concat(extraCuts.Where(c => c > 0 && c < text.Length))
            .Append(0).Append(text.Length)
            .Distinct().Order().ToList();

        var segments = new List<TextSegment>(cuts.Count);
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            var covering = valid.Where(s => s.Start <= from && s.End >= to).ToList();
            segments.Add(new TextSegment(
                text[from..to],
                covering.Select(s => s.StatementId).ToList(),
                covering.Where(s => s.Start == from).Select(s => s.StatementId).ToList()));
        }

        return segments;
    }

    // A cut between the halves of a surrogate pair would leave each half alone in its own element.
    private static int OnCharBoundary(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;

    [GeneratedRegex(@"\r?\n[ \t]*(?:\r?\n[ \t]*)+")]
    private static partial Regex ParagraphBreak();
}
