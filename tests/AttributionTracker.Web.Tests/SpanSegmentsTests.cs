using AttributionTracker.Web.Pages.Sources;

namespace AttributionTracker.Web.Tests;

public sealed class SpanSegmentsTests
{
    private const string Text = "The UK and the US accused China. Beijing denied it.";

    [Fact]
    public void Text_without_spans_is_one_plain_segment()
    {
        var segment = Assert.Single(SpanSegments.Split(Text, []));

        Assert.Equal(Text, segment.Text);
        Assert.False(segment.IsMarked);
    }

    [Fact]
    public void Identical_spans_share_one_segment_with_every_statement_anchored_there()
    {
        var segments = SpanSegments.Split(Text, [new(2, 0, 32), new(1, 0, 32)]);

        Assert.Equal(Text, Concat(segments));
        var marked = Assert.Single(segments, s => s.IsMarked);
        Assert.Equal("The UK and the US accused China.", marked.Text);
        Assert.Equal([1, 2], marked.StatementIds);
        Assert.Equal([1, 2], marked.Anchors);
    }

    [Fact]
    public void Overlapping_spans_become_a_flat_run_with_each_anchor_where_its_span_begins()
    {
        // "the US accused China. Beijing" and "Beijing denied it." share "Beijing".
        var segments = SpanSegments.Split(Text, [new(1, 11, 40), new(2, 33, 51)]);

        Assert.Equal(Text, Concat(segments));
        Assert.Equal(["The UK and ", "the US accused China. ", "Beijing", " denied it."], segments.Select(s => s.Text));
        Assert.Equal([[], [1], [1, 2], [2]], segments.Select(s => s.StatementIds.ToArray()));
        AssertEachAnchoredOnce(segments, [1, 2]);
        Assert.Equal([1], segments[1].Anchors);
        Assert.Equal([2], segments[2].Anchors);
    }

    [Fact]
    public void A_nested_span_splits_the_outer_one_without_losing_either()
    {
        var segments = SpanSegments.Split(Text, [new(7, 0, 51), new(8, 15, 17)]);

        Assert.Equal(Text, Concat(segments));
        Assert.Equal(["The UK and the ", "US", " accused China. Beijing denied it."], segments.Select(s => s.Text));
        Assert.Equal([[7], [7, 8], [7]], segments.Select(s => s.StatementIds.ToArray()));
        AssertEachAnchoredOnce(segments, [7, 8]);
        Assert.Equal([7], segments[0].Anchors);
        Assert.Empty(segments[2].Anchors);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(10, 52)]
    [InlineData(60, 70)]
    [InlineData(20, 10)]
    [InlineData(5, 5)]
    public void Spans_outside_the_text_or_empty_are_ignored(int start, int end)
    {
        var segments = SpanSegments.Split(Text, [new(1, start, end), new(2, 0, 3)]);

        Assert.Equal(Text, Concat(segments));
        Assert.DoesNotContain(segments, s => s.StatementIds.Contains(1));
        Assert.Equal("The", Assert.Single(segments, s => s.IsMarked).Text);
    }

    [Fact]
    public void A_span_over_the_whole_text_is_one_marked_segment()
    {
        var segment = Assert.Single(SpanSegments.Split(Text, [new(3, 0, Text.Length)]));

        Assert.Equal(Text, segment.Text);
        Assert.Equal([3], segment.Anchors);
    }

    [Fact]
    public void A_cut_never_separates_the_halves_of_a_surrogate_pair()
    {
        const string text = "a😀b";

        var segments = SpanSegments.Split(text, [new(1, 2, 4)]);

        Assert.Equal(text, Concat(segments));
        Assert.All(segments, s => Assert.False(char.IsLowSurrogate(s.Text[0])));
    }

    [Fact]
    public void Paragraphs_split_on_blank_lines_and_cut_spans_crossing_them()
    {
        const string text = "First para\nstill first.\r\n\r\n  Second para.\n\n\nThird.";
        var spans = new StatementSpan[] { new(1, 6, 32), new(2, text.IndexOf("Third", StringComparison.Ordinal), text.Length), new(3, 23, 27) };

        var blocks = SpanSegments.Paragraphs(text, spans);

        Assert.Equal(text, string.Concat(blocks.SelectMany(b => b.Segments).Select(s => s.Text)));
        Assert.Equal([true, false, true, false, true], blocks.Select(b => b.IsParagraph));
        Assert.Equal("First para\nstill first.", string.Concat(blocks[0].Segments.Select(s => s.Text)));
        Assert.Equal("Second para.", string.Concat(blocks[2].Segments.Select(s => s.Text)));
        Assert.Equal([1], blocks[0].Segments.Single(s => s.IsMarked).Anchors);
        Assert.Empty(blocks[2].Segments.Single(s => s.IsMarked).Anchors);
        Assert.Equal([3], blocks[1].Segments.SelectMany(s => s.Anchors));
        AssertEachAnchoredOnce(blocks.SelectMany(b => b.Segments).ToList(), [1, 2, 3]);
    }

    [Fact]
    public void Empty_text_has_no_paragraphs()
    {
        Assert.Empty(SpanSegments.Paragraphs("", [new(1, 0, 0)]));
    }

    private static string Concat(IEnumerable<TextSegment> segments) => string.Concat(segments.Select(s => s.Text));

    private static void AssertEachAnchoredOnce(IReadOnlyList<TextSegment> segments, int[] ids) =>
        Assert.Equal(ids, segments.SelectMany(s => s.Anchors).Order());
}
