using AttributionTracker.Import.Text;

namespace AttributionTracker.Import.Mentions;

/// <summary>
/// Finds known names in tokenised text: longest match first, by folded token keys, never across strong punctuation,
/// with each name's capitalisation rule. Only tokens that begin some name are tried, so a scan is one dictionary
/// probe per token in the common case.
/// </summary>
public sealed class Gazetteer
{
    private static readonly HashSet<string> GroupWords = new(StringComparer.Ordinal)
    {
        "group", "groups", "grupo", "grupos", "gang", "team", "actor", "actors", "hackers", "apt", "crew", "collective", "colectivo", "banda",
    };

    private readonly Dictionary<string, List<NameEntry>> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> longestFrom = new(StringComparer.Ordinal);

    public int Count => names.Count;

    /// <summary>Adds a name; <paramref name="key"/> is its tokens' keys joined by single spaces.</summary>
    public void Add(string key, NameEntry entry)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!names.TryGetValue(key, out var list))
        {
            names[key] = list = [];
        }

        if (!list.Contains(entry))
        {
            list.Add(entry);
        }

        var parts = key.Split(' ');
        longestFrom[parts[0]] = Math.Max(longestFrom.GetValueOrDefault(parts[0]), parts.Length);
    }

    /// <summary>The entries of an exact key, for names whose words are not contiguous in the text.</summary>
    public IReadOnlyList<NameEntry> Lookup(string key) => names.TryGetValue(key, out var entries) ? entries : [];

    public List<(int First, int Count, NameEntry Entry)> Find(IReadOnlyList<Token> tokens, int from, int to)
    {
        var found = new List<(int, int, NameEntry)>();
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        for (var i = from; i < to; i++)
        {
            if (!longestFrom.TryGetValue(tokens[i].Key, out var longest))
            {
                continue;
            }

            for (var n = Math.Min(longest, to - i); n >= 1; n--)
            {
                if (!TryKey(tokens, i, n, buffer, out var length) || !lookup.TryGetValue(buffer[..length], out var entries))
                {
                    continue;
                }

                var matched = false;
                foreach (var entry in entries)
                {
                    if (CaseFits(entry.Case, tokens, i, n))
                    {
                        found.Add((i, n, entry));
                        matched = true;
                    }
                }

                if (matched)
                {
                    i += n - 1;
                    break;
                }
            }
        }

        return found;
    }

    private static bool TryKey(IReadOnlyList<Token> tokens, int first, int count, Span<char> buffer, out int length)
    {
        length = 0;
        for (var k = 0; k < count; k++)
        {
            var token = tokens[first + k];
            if (k > 0 && token.BreakBefore)
            {
                return false;
            }

            if (length + token.Key.Length + 1 > buffer.Length)
            {
                return false;
            }

            if (k > 0)
            {
                buffer[length++] = ' ';
            }

            token.Key.AsSpan().CopyTo(buffer[length..]);
            length += token.Key.Length;
        }

        return true;
    }

    private static bool CaseFits(CaseRule rule, IReadOnlyList<Token> tokens, int first, int count)
    {
        var shape = tokens[first].Shape;
        return rule switch
        {
            CaseRule.Any => true,
            CaseRule.Capitalised => shape != TokenShape.Lower,
            CaseRule.Upper => AllUpper(tokens, first, count),
            CaseRule.Contextual => shape != TokenShape.Lower && (AllUpper(tokens, first, count) || NearGroupWord(tokens, first, count)),
            _ => false,
        };
    }

    private static bool AllUpper(IReadOnlyList<Token> tokens, int first, int count)
    {
        for (var k = first; k < first + count; k++)
        {
            if (tokens[k].Shape is not (TokenShape.Upper or TokenShape.Number))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NearGroupWord(IReadOnlyList<Token> tokens, int first, int count)
    {
        for (var k = Math.Max(0, first - 2); k < Math.Min(tokens.Count, first + count + 2); k++)
        {
            if ((k < first || k >= first + count) && GroupWords.Contains(tokens[k].Key))
            {
                return true;
            }
        }

        return false;
    }
}
