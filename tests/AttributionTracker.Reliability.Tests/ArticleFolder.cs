using System.Globalization;

namespace AttributionTracker.Reliability.Tests;

/// <summary>
/// A folder of many distinct articles made from the test corpus: copy <c>n</c> of corpus article <c>n mod 28</c> with a
/// last paragraph naming its number, so every file has its own fingerprint (a new source) while what the extractor
/// finds in it stays what it finds in the corpus article.
/// </summary>
public static class ArticleFolder
{
    private static readonly string[] ArticleExtensions = [".txt", ".md"];

    public static IReadOnlyList<string> Write(string folder, int count, int firstNumber = 0)
    {
        Directory.CreateDirectory(folder);
        var corpus = Directory.EnumerateFiles(RepositoryFiles.Path("tests", "corpus"))
            .Where(f => ArticleExtensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var files = new List<string>(count);
        for (var i = firstNumber; i < firstNumber + count; i++)
        {
            var original = corpus[i % corpus.Count];
            var number = i.ToString("D5", CultureInfo.InvariantCulture);
            var target = Path.Combine(folder, $"{number}_{Path.GetFileName(original)}");

            // A bare catalogue line: no cue, name, date or language words, so the extraction is the corpus article's.
            File.WriteAllText(target, File.ReadAllText(original).TrimEnd() + $"\n\nCopy {number}.\n");
            files.Add(target);
        }

        return files;
    }
}
