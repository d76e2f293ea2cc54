using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>A corpus article after one or more mutations, as bytes for the reader; prints as its recipe, not its bytes.</summary>
internal sealed record MutatedArticle(string File, IReadOnlyList<string> Steps, byte[] Bytes)
{
    public override string ToString() => $"{File} after [{string.Join(", ", Steps)}] ({Bytes.Length} bytes)";
}

/// <summary>
/// The corpus articles (tests/corpus, both languages, text and Markdown, and the corpus README, a Markdown table) damaged the ways real files are: cut short
/// mid-sentence or mid-character, bytes flipped, sentences repeated or shuffled, punctuation lost, HTML or Markdown
/// pasted in, line endings mixed, NUL bytes, one enormous line.
/// </summary>
internal static class MutatedArticles
{
    private static readonly (string File, string Text)[] Corpus = Directory
        .GetFiles(RepositoryFiles.Path("tests", "corpus"))
        .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
        .ToArray();

    private static readonly string[] Fragments =
    [
        "<p>", "</p>", "<div><span>", "</div>", "<script>alert(1)</script>", "<!--", "-->", "<![CDATA[", "&amp;", "&#x202E;",
        "<a href=\"javascript:x\">", "<br/>", "<h1>", "<article>", "**", "__", "*", "_", "[", "](http://x)", "# ", "> ", "```",
        "---\ntitle: x\n---\n", "| a | b |\n|---|---|\n", "- ", "1. ", "\\", "<", ">", "&", "![img](x.png)",
    ];

    public static int Count => Corpus.Length;

    /// <summary>One recorded step applied to one corpus file (README.md included): how a fuzz failure becomes a plain regression test.</summary>
    public static string Replay(string file, string step, int position) =>
        TextSteps.Single(s => s.Name == step).Apply(File.ReadAllText(RepositoryFiles.Corpus(file)), position);

    // Text-level mutations first (they keep a string), then byte-level ones (which may leave invalid UTF-8).
    private static readonly (string Name, Func<string, int, string> Apply)[] TextSteps =
    [
        ("truncate", (t, r) => t[..(r % (t.Length + 1))]),
        ("duplicate sentences", (t, r) => string.Join(". ", Sentences(t).SelectMany((s, i) => (i + r) % 3 == 0 ? new[] { s, s } : [s]))),
        ("shuffle sentences", (t, r) => string.Join(". ", Sentences(t).OrderBy(s => (s.GetHashCode(StringComparison.Ordinal) ^ r) & 0xFFFF))),
        ("remove punctuation", (t, r) => new string(t.Where((c, i) => !char.IsPunctuation(c) || (i + r) % 5 == 0).ToArray())),
        ("insert markup", (t, r) => Insert(t, r, Fragments[r % Fragments.Length])),
        ("mix line endings", (t, r) => string.Concat(t.Select((c, i) => c == '\n' ? ((i + r) % 3) switch { 0 => "\r\n", 1 => "\r", _ => "\n" } : c.ToString()))),
        ("insert NUL", (t, r) => Insert(t, r, "\0")),
        ("1 MB line", (t, r) => Insert(t, r, new string("aA ñ.«x"[r % 7], 1 << 20))),
        ("bidi and zero-width", (t, r) => Insert(Insert(t, r, "\u202E"), r / 2, "\u200B\uFEFF")),
        ("one paragraph", (t, _) => t.Replace('\n', ' ')),
    ];

    private static readonly (string Name, Func<byte[], int, byte[]> Apply)[] ByteSteps =
    [
        ("truncate bytes", (b, r) => b[..(r % (b.Length + 1))]),
        ("flip byte", (b, r) => Flip(b, r)),
        ("flip 16 bytes", (b, r) => Enumerable.Range(0, 16).Aggregate(b, (x, k) => Flip(x, r * 31 + k * 7919))),
    ];

    public static Gen<MutatedArticle> Article =>
        from index in Gen.Choose(0, Corpus.Length - 1)
        from steps in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(WithPosition(TextSteps), n))
        from byteSteps in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(WithPosition(ByteSteps), n))
        select Build(Corpus[index], steps, byteSteps);

    // Each step takes a number that picks where in the text it acts, so the recipe alone replays the mutation.
    private static Gen<(T, int)> WithPosition<T>(T[] steps) =>
        Gen.Elements(steps).SelectMany(s => Gen.Choose(0, 1_000_000_000).Select(r => (s, r)));

    private static MutatedArticle Build((string File, string Text) article, ((string Name, Func<string, int, string> Apply), int)[] steps, ((string Name, Func<byte[], int, byte[]> Apply), int)[] byteSteps)
    {
        var text = steps.Aggregate(article.Text, (t, s) => s.Item1.Apply(t, s.Item2));
        var bytes = byteSteps.Aggregate(Encoding.UTF8.GetBytes(text), (b, s) => s.Item1.Apply(b, s.Item2));
        return new MutatedArticle(article.File, [.. steps.Select(s => $"{s.Item1.Name}@{s.Item2}"), .. byteSteps.Select(s => $"{s.Item1.Name}@{s.Item2}")], bytes);
    }

    private static string[] Sentences(string text) => text.Split(". ");

    private static string Insert(string text, int r, string what) => text.Insert(r % (text.Length + 1), what);

    private static byte[] Flip(byte[] bytes, int r)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[(r & int.MaxValue) % copy.Length] ^= (byte)(1 << (r % 8 & 7));
        return copy;
    }
}
