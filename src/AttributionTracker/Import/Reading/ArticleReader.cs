using System.Globalization;
using AttributionTracker.Domain;

namespace AttributionTracker.Import.Reading;

/// <summary>
/// The importer's first step: a saved news article (plain text, Markdown or HTML, in whatever encoding it was saved)
/// to normalised text with its language, title and publication date. Anything it cannot read as an English or
/// Spanish article it refuses with an <see cref="ArticleReadException"/> saying why.
/// </summary>
public static class ArticleReader
{
    public const int MaxBytes = 5 * 1024 * 1024;

    // A headline is a line, not a paragraph.
    private const int MaxTitleLength = 200;

    // A first line of this many words or fewer that holds a date is a dateline, not a headline.
    private const int DatelineWords = 6;

    private const string Refused = "language not recognised as English or Spanish";

    /// <exception cref="ArticleReadException">The file is missing, unreadable, too large, binary, empty or not in English or Spanish.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> forces a language other than "en" or "es".</exception>
    public static ArticleText ReadFile(string path, ArticleReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        CheckLanguage(options);
        var (bytes, length) = ReadBytes(path);
        return Read(bytes.AsSpan(0, length), path, options);
    }

    /// <param name="name">The file name or path the bytes came from: it names the article in refusals, and a
    /// .html, .htm, .md, .markdown or .txt extension settles the format.</param>
    /// <exception cref="ArticleReadException">The bytes are too many, binary, empty or not English or Spanish.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> forces a language other than "en" or "es".</exception>
    public static ArticleText Read(ReadOnlySpan<byte> bytes, string name, ArticleReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var forced = CheckLanguage(options);
        if (bytes.Length > MaxBytes)
        {
            throw TooLarge(name, bytes.Length);
        }

        var raw = TextDecoder.Decode(bytes, name);
        var format = FormatSniffer.Detect(raw, name);
        var extracted = format switch
        {
            ArticleFormat.Html => HtmlArticle.Extract(raw, name),
            ArticleFormat.Markdown => MarkdownArticle.Extract(raw, name),
            _ => new ExtractedArticle(raw),
        };

        var text = SourceText.Normalise(extracted.Text);
        if (text.Length == 0)
        {
            throw new ArticleReadException(name, format == ArticleFormat.PlainText ? TextDecoder.Empty : $"no article text found in the {FormatName(format)}");
        }

        var language = forced ?? DetectLanguage(text, name);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var title = options?.Title ?? extracted.Title ?? FirstLineTitle(text, language, today);
        var published = options?.PublishedOn ?? extracted.PublishedOn ?? Dateline.Find(text, language, today);
        return new ArticleText(text, language, title, published, format, extracted.Url);
    }

    private static string? CheckLanguage(ArticleReadOptions? options) => options?.Language switch
    {
        null => null,
        "en" or "es" => options.Language,
        var other => throw new ArgumentException($"The article language can be forced to \"en\" or \"es\", not \"{other}\".", nameof(options)),
    };

    private static string DetectLanguage(string text, string name)
    {
        var guess = LanguageDetector.Guess(text);
        if (guess.Language is "en" or "es")
        {
            return guess.Language;
        }

        var why = guess switch
        {
            { Enough: false } or { Best: null } => "too little text to tell",
            { Language: { } other } => $"looks like {LanguageDetector.NameOf(other)}",
            { RunnerUp: { } second } => $"could be {LanguageDetector.NameOf(guess.Best)} or {LanguageDetector.NameOf(second)}",
            _ => $"looks like {LanguageDetector.NameOf(guess.Best)}",
        };
        throw new ArticleReadException(name, $"{Refused} ({why})");
    }

    // A short first line standing alone and not ending like a sentence is a headline; it stays in the text. A line
    // that is little more than a date ("Londres, 19 de julio de 2021", "By Jane Doe, 19 July 2021") is a dateline.
    private static string? FirstLineTitle(string text, string language, DateOnly today)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        if (end <= 0 || end >= MaxTitleLength || end + 1 >= text.Length || text[end + 1] != '\n')
        {
            return null;
        }

        var line = text.AsSpan(0, end).Trim();
        if (line.IsEmpty || line[^1] == '.' || !HasLetter(line))
        {
            return null;
        }

        var title = line.ToString();
        return WordCount(line) <= DatelineWords && Dateline.Find(title, language, today) is not null ? null : title;
    }

    private static int WordCount(ReadOnlySpan<char> s)
    {
        var words = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsWhiteSpace(s[i]) && (i == 0 || char.IsWhiteSpace(s[i - 1])))
            {
                words++;
            }
        }

        return words;
    }

    private static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static (byte[] Bytes, int Length) ReadBytes(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                throw new ArticleReadException(path, "is a directory");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
            var expected = stream.CanSeek ? stream.Length : 0;
            if (expected > MaxBytes)
            {
                throw TooLarge(path, expected);
            }

            // One byte of room past the expected length lets the read that meets the end land without a resize.
            var buffer = new byte[Math.Max(expected + 1, 4096)];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > MaxBytes)
                    {
                        throw TooLarge(path, null);
                    }

                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, MaxBytes + 1L));
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArticleReadException(path, "no such file", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ArticleReadException(path, "permission denied", e);
        }
        catch (PathTooLongException e)
        {
            throw new ArticleReadException(path, "the path is too long", e);
        }
        catch (IOException e)
        {
            throw new ArticleReadException(path, $"cannot be read ({e.Message})", e);
        }
        catch (ArgumentException e)
        {
            throw new ArticleReadException(path, "not a valid file path", e);
        }
    }

    private static ArticleReadException TooLarge(string name, long? bytes)
    {
        var size = bytes is { } n
            ? (Math.Ceiling(n * 10.0 / (1024 * 1024)) / 10).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
            : "more than 5 MB";
        return new ArticleReadException(name, $"the file is {size}; articles over 5 MB are refused");
    }

    private static string FormatName(ArticleFormat format) => format == ArticleFormat.Html ? "HTML" : "Markdown";
}
