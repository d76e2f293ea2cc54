using System.Text;
using System.Text.RegularExpressions;

namespace AttributionTracker.Search;

/// <summary>
/// Turns what a user typed into an engine query that can only mean "all these words": every word becomes a quoted
/// string of letters and digits (operators, quotes, stars, brackets and SQL are just separators), and the last word
/// also matches as a prefix so a half-typed name still finds something. <see cref="ToFts5"/> writes it for SQLite's
/// FTS5, <see cref="ToTsQuery"/> for PostgreSQL's to_tsquery; both read the same words.
/// </summary>
public static partial class SearchQuery
{
    /// <summary>Words beyond this add nothing a reader wants and only cost the engine work.</summary>
    public const int MaxWords = 8;

    /// <summary>A prefix this short would expand to a large part of the vocabulary.</summary>
    public const int MinPrefixLength = 3;

    /// <summary>The FTS5 expression, or null when the text holds no word to look for.</summary>
    public static string? ToFts5(string? text)
    {
        if (Words(text) is not { } words)
        {
            return null;
        }

        var query = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            query.Append(i == 0 ? "\"" : " \"").Append(string.Join(' ', words[i])).Append('"');
            if (IsPrefix(words, i))
            {
                query.Append('*');
            }
        }

        return query.ToString();
    }

    /// <summary>
    /// The to_tsquery text, or null when the text holds no word to look for: the words joined by <c>&amp;</c>, the
    /// tokens of one word ("APT-31") by <c>&lt;-&gt;</c> (followed by), each token a quoted lexeme, the last <c>:*</c>.
    /// A token holds only letters, digits and marks, so it cannot close its quotes.
    /// </summary>
    public static string? ToTsQuery(string? text)
    {
        if (Words(text) is not { } words)
        {
            return null;
        }

        return string.Join(" & ", words.Select((word, i) =>
        {
            var phrase = string.Join(" <-> ", word.Select(token => "'" + token + "'"));
            return IsPrefix(words, i) ? phrase + ":*" : phrase;
        }));
    }

    /// <summary>Each whitespace-separated word as its tokens: "APT-31" is one word of two tokens, "apt" and "31".</summary>
    private static List<string[]>? Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = text.Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Token().Matches(w).Select(m => m.Value).ToArray())
            .Where(w => w.Length > 0)
            .Take(MaxWords)
            .ToList();
        return words.Count == 0 ? null : words;
    }

    private static bool IsPrefix(List<string[]> words, int i) => i == words.Count - 1 && words[i][^1].Length >= MinPrefixLength;

    // What unicode61 keeps as a token: letters and digits, with the combining marks it folds away.
    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*")]
    private static partial Regex Token();
}
