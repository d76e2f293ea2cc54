using AttributionTracker.Search;

namespace AttributionTracker.Tests.Search;

public sealed class HighlightedTextTests
{
    [Fact]
    public void Marked_text_splits_into_matched_and_plain_runs()
    {
        var text = HighlightedText.Parse("dijo que era \uE000hafnio\uE001 y <b>\uE000China\uE001</b>");

        Assert.Equal(
            [new("dijo que era ", false), new("hafnio", true), new(" y <b>", false), new("China", true), new("</b>", false)],
            text.Runs);
        Assert.Equal("dijo que era hafnio y <b>China</b>", text.PlainText);
    }

    [Fact]
    public void A_stray_marker_is_dropped_not_shown()
    {
        var text = HighlightedText.Parse("a\uE001b\uE000c");

        Assert.Equal("abc", text.PlainText);
        Assert.Equal([new("a", false), new("b", false), new("c", true)], text.Runs);
    }

    [Fact]
    public void Nothing_parses_to_empty() => Assert.True(HighlightedText.Parse(null).IsEmpty);
}
