using System.Text;
using System.Text.RegularExpressions;

namespace AttributionTracker.Search;

/// <summary>
/// Turns what a user typed into an FTS5 query that can only mean "all these words": every word becomes a quoted
/// string of letters and digits (operators, quotes, stars, brackets and SQL are just separators), and the last word
/// also matches as a prefix so a half-typed name still finds something.
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
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Each whitespace-separated word is one phrase: "APT-31" stays together as "apt 31".
        var words = text.Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => string.Join(' ', Token().Matches(w).Select(m => m.Value)))
            .Where(w => w.Length > 0)
            .Take(MaxWords)
            .ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var query = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            query.Append(i == 0 ? "\"" : " \"").Append(words[i]).Append('"');
            if (i == words.Count - 1 && words[i].Split(' ')[^1].Length >= MinPrefixLength)
            {
                query.Append('*');
            }
        }

        return query.ToString();
    }

    // What unicode61 keeps as a token: letters and digits, with the combining marks it folds away.
    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*")]
    private static partial Regex Token();
}
