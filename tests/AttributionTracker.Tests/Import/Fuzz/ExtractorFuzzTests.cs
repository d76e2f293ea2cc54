using System.Text;
using AttributionTracker.Import;
using AttributionTracker.Domain;
using FsCheck.Fluent;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>
/// The reader and extractor on random and damaged text (property-based, FsCheck, fixed seed — see
/// <see cref="FuzzRun"/>): they refuse with <c>ArticleReadException</c> or return an extraction whose every span and
/// quote matches the text, within the hang guard. Extends <see cref="ExtractorRobustnessTests"/> with generated
/// lexicon mixtures, odd characters, huge tokens and mutated corpus articles.
/// </summary>
public sealed class ExtractorFuzzTests
{
    [Fact]
    public void Random_mixtures_of_lexicon_words_and_odd_characters_extract_soundly()
    {
        FuzzRun.Check(RandomArticles.Text.SelectMany(t => RandomArticles.Language.Select(l => (Text: t, Language: l))), 50, c =>
        {
            // As stored (normalised) and as given: Extract is public and must not trust its caller to normalise.
            foreach (var text in new[] { SourceText.Normalise(c.Text), c.Text })
            {
                var x = FuzzRun.WithinGuard(() => Extractor.Extract(text, c.Language), "extraction");
                ExtractionInvariants.Hold(text, x);
            }
        });
    }

    [Fact]
    public void Random_mixtures_read_from_files_are_refused_or_extract_soundly()
    {
        FuzzRun.Check(RandomArticles.Text, 100, text =>
        {
            if (ArticlePipeline.ReadAndExtract(Encoding.UTF8.GetBytes(text), "random.txt") is var (article, x))
            {
                ExtractionInvariants.Hold(article.Text, x);
            }
        });
    }

    [Fact]
    public void Mutated_corpus_articles_are_refused_or_extract_soundly()
    {
        FuzzRun.Check(MutatedArticles.Article, 40, m =>
        {
            if (ArticlePipeline.ReadAndExtract(m.Bytes, m.File) is var (article, x))
            {
                ExtractionInvariants.Hold(article.Text, x);
            }
        });
    }
}
