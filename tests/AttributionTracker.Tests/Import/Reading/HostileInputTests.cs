using System.Diagnostics;
using System.Text;
using AttributionTracker.Import.Reading;

namespace AttributionTracker.Tests.Import.Reading;

/// <summary>
/// Hostile input never hangs the reader: it is read or refused within a bound far above normal cost (a quadratic
/// parse takes minutes on these inputs). Throughput itself is measured by the benchmark, not here.
/// </summary>
[Collection(nameof(HostileInputTests))]
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("[](")]
    [InlineData("**")]
    [InlineData("[a](b")]
    [InlineData("<p")]
    [InlineData("1/")]
    public void Hostile_repetition_costs_no_more_than_its_length(string unit)
    {
        var bytes = Encoding.UTF8.GetBytes("The text of the " + string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length)));

        var clock = Stopwatch.StartNew();
        try
        {
            ArticleReader.Read(bytes, "hostile");
        }
        catch (ArticleReadException)
        {
            // Refusing it is fine; taking long is not.
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    public static TheoryData<string, string, string> NestingBombs => new()
    {
        { "deep.html", Repeat("<div>", 100_000) + "<p>The end of the text.</p>", "HTML nested more than 512 elements deep; not an article page" },
        { "stray.html", Repeat("<div></span>", 20_000) + "<p>The end of the text.</p>", "HTML nested more than 512 elements deep; not an article page" },
        { "bold.html", Repeat("<b id=x>", 10_000) + Repeat("<p>The text.", 10_000), "HTML nested more than 512 elements deep; not an article page" },
        { "quotes.md", Repeat("> ", 100_000) + "The end of the text.", "Markdown nested too deeply to be an article" },
        { "list.md", string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', i * 2) + "- the item\n")), "Markdown nested too deeply to be an article" },
        { "under.md", Repeat("a_ ", 300_000), "too much Markdown markup to be an article" },
        { "brackets.md", Repeat("[the ", 300_000), "too much Markdown markup to be an article" },
        { "paragraphs.md", Repeat(Repeat("*a ", 900) + "\n\n", 300), "too much Markdown markup to be an article" },
    };

    [Theory]
    [MemberData(nameof(NestingBombs))]
    public void Nesting_and_markup_bombs_are_refused_quickly(string name, string text, string reason)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<ArticleReadException>(() => ArticleReader.Read(bytes, name));

        Assert.Equal(reason, error.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Tags_inside_scripts_and_comments_do_not_count_as_nesting()
    {
        var html = "<html><head><script>var t = '" + Repeat("<div>", 2_000) + "';</script></head><body><!-- " + Repeat("<div>", 2_000)
            + " --><article><p>" + Samples.English(1) + "</p></article></body></html>";

        Assert.Equal(Samples.English(1), ArticleReader.Read(Encoding.UTF8.GetBytes(html), "page.html").Text);
    }

    private static string Repeat(string unit, int times) => string.Concat(Enumerable.Repeat(unit, times));
}

/// <summary>Bounded-time tests run alone, not beside the rest of the suite.</summary>
[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public sealed class HostileInputTestsCollection;
