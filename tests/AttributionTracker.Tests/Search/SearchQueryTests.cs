using AttributionTracker.Search;

namespace AttributionTracker.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("hafnio", "\"hafnio\"*")]
    [InlineData("  Silk   Typhoon ", "\"Silk\" \"Typhoon\"*")]
    [InlineData("APT-31", "\"APT 31\"")]
    [InlineData("parlamento de Finlandia", "\"parlamento\" \"de\" \"Finlandia\"*")]
    [InlineData("G0125", "\"G0125\"*")]
    [InlineData("a", "\"a\"")]
    public void Words_become_quoted_strings_and_the_last_a_prefix(string typed, string expected) =>
        Assert.Equal(expected, SearchQuery.ToFts5(typed));

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("AND OR")]
    [InlineData("'; DROP TABLE \"Actors\"; --")]
    [InlineData("hafnio\" OR \"x")]
    [InlineData("^title:hafnio + -china")]
    public void Operators_and_quotes_never_reach_the_engine_as_syntax(string typed)
    {
        var query = SearchQuery.ToFts5(typed);
        if (query is null)
        {
            return;
        }

        // Only quoted runs of letters and digits, separated by spaces, with at most one trailing star.
        Assert.Matches(@"^""[\p{L}\p{N} ]+""( ""[\p{L}\p{N} ]+"")*\*?$", query);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"*()")]
    [InlineData("— ¿? ¡!")]
    public void Text_without_a_word_is_no_query(string? typed) => Assert.Null(SearchQuery.ToFts5(typed));

    [Fact]
    public void A_very_long_text_is_cut_to_a_few_words()
    {
        var query = SearchQuery.ToFts5(string.Join(' ', Enumerable.Repeat("word", 300)));
        Assert.Equal(SearchQuery.MaxWords, query!.Split(' ').Length);
    }
}
