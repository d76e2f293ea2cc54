using AttributionTracker.Domain;
using AttributionTracker.Import;
using AttributionTracker.Import.Reading;

namespace AttributionTracker.Tests.Import;

/// <summary>
/// How the extractor generalises: every article of tests/corpus (original reports in both languages about other
/// attributions than the seed's) scored against its gold file. The floors are the measured scores less a margin;
/// a change that makes extraction worse on unseen text fails here with the per-article misses.
/// </summary>
public sealed class CorpusTests
{
    [Fact]
    public void The_corpus_scores_stay_above_their_floors()
    {
        var scores = new List<(string File, Score Score)>();
        foreach (var gold in Directory.GetFiles(RepositoryFiles.Path("tests", "corpus"), "*.expected.json").Order(StringComparer.Ordinal))
        {
            var expected = ExpectedFacts.Load(gold);
            var article = ArticleReader.ReadFile(Path.Combine(Path.GetDirectoryName(gold)!, expected.File), new ArticleReadOptions
            {
                PublishedOn = PartialDate.TryParse(expected.Published, out var date) ? date : null,
            });
            Assert.Equal(expected.Language, article.Language);
            scores.Add((expected.File, expected.ScoreOf(Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn))));
        }

        Assert.True(scores.Count >= 28, $"only {scores.Count} corpus articles");
        double Ratio(Func<Score, int> part, Func<Score, int> whole) => (double)scores.Sum(s => part(s.Score)) / Math.Max(1, scores.Sum(s => whole(s.Score)));
        var report = string.Join("\n", scores.Select(s => $"{s.File}: {s.Score}"));

        Assert.True(Ratio(s => s.AttributionsFound, s => s.Attributions) >= 0.68, "attribution recall\n" + report);
        Assert.True(Ratio(s => s.PredictedCorrect, s => s.Predicted) >= 0.88, "attribution precision\n" + report);
        Assert.True(Ratio(s => s.IncidentsFound, s => s.Attributions) >= 0.34, "incident recall\n" + report);
        Assert.True(Ratio(s => s.ConfidencesFound, s => s.ConfidencesWanted) >= 0.75, "confidence accuracy\n" + report);
        Assert.True(Ratio(s => s.DenialsFound, s => s.Denials) >= 0.9, "denial recall\n" + report);
        Assert.True(Ratio(s => s.ActorsFound, s => s.Actors) >= 0.70, "actor recall\n" + report);
    }
}
