using AttributionTracker.Import;
using AttributionTracker.Import.Reading;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>Read then extract, as the command line and the review page do, under the hang guard.</summary>
internal static class ArticlePipeline
{
    /// <returns>The article and its extraction, or null when the reader refused it with its documented error.</returns>
    public static (ArticleText Article, Extraction Extraction)? ReadAndExtract(byte[] bytes, string name) =>
        FuzzRun.WithinGuard<(ArticleText, Extraction)?>(() =>
        {
            ArticleText article;
            try
            {
                article = ArticleReader.Read(bytes, name);
            }
            catch (ArticleReadException e)
            {
                // The documented refusal: a one-line reason for the person who supplied the file.
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                return null;
            }

            Assert.Contains(article.Language, new[] { "en", "es" });
            Assert.NotEmpty(article.Text);
            return (article, Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn));
        }, $"reading and extracting {name}");
}
