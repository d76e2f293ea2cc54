namespace AttributionTracker.Import.Text;

/// <summary>
/// Matches short word patterns ("was behind", "acus*", "casi con toda seguridad") against tokens, longest first.
/// A pattern word ending in * matches any token starting with it. Patterns are written in any case and with
/// accents; they are folded like the tokens.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, List<(string[] Words, T Value)>> byFirst = new(StringComparer.Ordinal);
    private readonly List<(string[] Words, T Value)> prefixFirst = [];

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases)
    {
        foreach (var (phrase, value) in phrases)
        {
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.EndsWith('*') ? Tokenizer.Tokenize(w[..^1]).Single().Key + "*" : Tokenizer.Tokenize(w).Single().Key)
                .ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            if (words[0].EndsWith('*'))
            {
                prefixFirst.Add((words, value));
            }
            else
            {
                if (!byFirst.TryGetValue(words[0], out var list))
                {
                    byFirst[words[0]] = list = [];
                }

                list.Add((words, value));
            }
        }

        foreach (var list in byFirst.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }

        prefixFirst.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>The longest pattern starting at token <paramref name="at"/>, if any.</summary>
    public (int Length, T Value)? MatchAt(IReadOnlyList<Token> tokens, int at, int end)
    {
        (int, T)? best = null;
        if (byFirst.TryGetValue(tokens[at].Key, out var candidates))
        {
            best = Longest(candidates, tokens, at, end);
        }

        if (prefixFirst.Count > 0 && Longest(prefixFirst, tokens, at, end) is { } p && (best is null || p.Item1 > best.Value.Item1))
        {
            best = p;
        }

        return best;
    }

    /// <summary>Every non-overlapping match in tokens [from, to), scanning left to right.</summary>
    public List<(int First, int Length, T Value)> FindAll(IReadOnlyList<Token> tokens, int from, int to)
    {
        var found = new List<(int, int, T)>();
        for (var i = from; i < to; i++)
        {
            if (MatchAt(tokens, i, to) is { } m)
            {
                found.Add((i, m.Length, m.Value));
                i += m.Length - 1;
            }
        }

        return found;
    }

    private static (int, T)? Longest(List<(string[] Words, T Value)> candidates, IReadOnlyList<Token> tokens, int at, int end)
    {
        foreach (var (words, value) in candidates)
        {
            if (at + words.Length > end)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < words.Length && ok; k++)
            {
                var key = tokens[at + k].Key;
                var w = words[k];
                ok = w.EndsWith('*') ? key.StartsWith(w.AsSpan(0, w.Length - 1), StringComparison.Ordinal) : key == w;
            }

            if (ok)
            {
                return (words.Length, value);
            }
        }

        return null;
    }
}
