using AttributionTracker.Import;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>Fuzz failures kept as plain tests, by their recipe, so they stay fixed whatever the generators become.</summary>
public sealed class FuzzRegressionTests
{
    // The README's table rows are long "sentences" with several cues; one clause's statement got its incident from its
    // own words and another's the same incident later (the article's main one): the same attribution twice.
    [Fact]
    public void The_corpus_readme_with_shuffled_sentences_has_no_repeated_statement()
    {
        var text = MutatedArticles.Replay("README.md", "shuffle sentences", 15031655);

        var x = Extractor.Extract(text, "en");

        Assert.NotEmpty(x.Statements);
        ExtractionInvariants.Hold(text, x);
    }
}
