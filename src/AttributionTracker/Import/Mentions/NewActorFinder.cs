using AttributionTracker.Import.Text;

namespace AttributionTracker.Import.Mentions;

/// <summary>
/// Actors the gazetteer does not know, named the way news introduce a group: "a group it calls TeleBots",
/// "un grupo llamado Hafnium", "the ransomware gang DarkSide", "the DarkSide group". Each distinct name becomes an
/// article-local actor, and its other mentions in the article are found too.
/// </summary>
public static class NewActorFinder
{
    private static readonly HashSet<string> GroupWords = new(StringComparer.Ordinal)
    {
        "group", "gang", "crew", "outfit", "collective", "grupo", "banda", "colectivo", "organizacion",
    };

    private static readonly string[][] Introducers =
    [
        ["it", "calls"], ["it", "tracks", "as"], ["known", "as"], ["called"], ["dubbed"], ["named"], ["tracked", "as"], ["calling", "itself"],
        ["llamado"], ["llamada"], ["conocido", "como"], ["conocida", "como"], ["denominado"], ["denominada"], ["bautizado", "como"],
        ["que", "se", "hace", "llamar"], ["autodenominado"], ["autodenominada"],
        ["de", "hackers"], ["de", "piratas", "informaticos"], ["de", "piratas"], ["de", "ciberdelincuentes"], ["de", "ransomware"], ["of", "hackers"],
    ];

    // Without an introducer, "the … group WPP" is only a threat group if a word like these stands before "group".
    private static readonly HashSet<string> CyberQualifiers = new(StringComparer.Ordinal)
    {
        "hacking", "hacker", "hackers", "ransomware", "criminal", "cybercriminal", "cybercrime", "apt", "threat", "espionage", "cyberespionage",
        "sponsored", "state-sponsored", "extortion", "hacktivist", "activity", "intrusion",
    };

    public static List<Mention> Find(string text, IReadOnlyList<Token> tokens, List<Mention> known, List<LexActor> actors, int firstNewIndex)
    {
        var taken = new bool[tokens.Count];
        foreach (var m in known)
        {
            for (var t = m.FirstToken; t < m.EndToken; t++)
            {
                taken[t] = true;
            }
        }

        var found = new List<Mention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!GroupWords.Contains(tokens[i].Key))
            {
                continue;
            }

            // After: "group (it calls|known as|…)? NAME"; before: "the NAME group".
            var start = i + 1;
            var introduced = false;
            foreach (var introducer in Introducers)
            {
                if (Matches(tokens, start, introducer))
                {
                    start += introducer.Length;
                    introduced = true;
                    break;
                }
            }

            var qualified = i > 0 && CyberQualifiers.Contains(tokens[i - 1].Key);
            var (first, count) = introduced || qualified ? Name(text, tokens, start, taken, forward: true) : (0, 0);
            if (count == 0 && i > 0)
            {
                (first, count) = Name(text, tokens, i - 1, taken, forward: false);
            }

            if (count == 0)
            {
                continue;
            }

            var surface = text[tokens[first].Start..tokens[first + count - 1].End];
            var index = actors.FindIndex(firstNewIndex, a => string.Equals(a.Name, surface, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                index = actors.Count;
                actors.Add(new LexActor(index, surface, "group", null, []));
            }

            for (var t = first; t < first + count; t++)
            {
                taken[t] = true;
            }

            found.Add(new Mention(first, count, tokens[first].Start, tokens[first + count - 1].End, EntityKind.Actor, index, NameForm.Name));
        }

        found.AddRange(Repeats(text, tokens, taken, actors, firstNewIndex));
        return found;
    }

    /// <summary>Later bare mentions of a new name ("DarkSide said…").</summary>
    private static IEnumerable<Mention> Repeats(string text, IReadOnlyList<Token> tokens, bool[] taken, List<LexActor> actors, int firstNewIndex)
    {
        for (var a = firstNewIndex; a < actors.Count; a++)
        {
            var keys = Tokenizer.Tokenize(actors[a].Name).Select(t => t.Key).ToArray();
            for (var i = 0; i + keys.Length <= tokens.Count; i++)
            {
                if (!taken[i] && tokens[i].Shape != TokenShape.Lower && Matches(tokens, i, keys))
                {
                    for (var t = i; t < i + keys.Length; t++)
                    {
                        taken[t] = true;
                    }

                    yield return new Mention(i, keys.Length, tokens[i].Start, tokens[i + keys.Length - 1].End, EntityKind.Actor, a, NameForm.Name);
                }
            }
        }
    }

    private static bool Matches(IReadOnlyList<Token> tokens, int at, string[] words)
    {
        if (at + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[at + k].Key != words[k] || (k > 0 && tokens[at + k].BreakBefore))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One to four capitalised words not already named, read forward from or backward to a position.</summary>
    private static (int First, int Count) Name(string text, IReadOnlyList<Token> tokens, int from, bool[] taken, bool forward)
    {
        static bool Proper(Token t) => t.Shape is TokenShape.Capitalised or TokenShape.Upper or TokenShape.Mixed
            || (t.Shape == TokenShape.Number && t.Key.Any(char.IsLetter));

        // Words of one name are separated by spaces only: "WPP. Maersk" is two sentences.
        bool Joined(int left) => text.AsSpan(tokens[left].End, tokens[left + 1].Start - tokens[left].End).IsWhiteSpace();

        var count = 0;
        if (forward)
        {
            while (from + count < tokens.Count && count < 4 && Proper(tokens[from + count]) && !taken[from + count] && (count == 0 || Joined(from + count - 1)))
            {
                count++;
            }

            return (from, count);
        }

        while (from - count >= 0 && count < 4 && Proper(tokens[from - count]) && !taken[from - count] && Joined(from - count))
        {
            count++;
        }

        // A name read backwards must follow an article or possessive ("the DarkSide group", "el grupo…" is forwards).
        var first = from - count + 1;
        return count > 0 && first > 0 && tokens[first - 1].Key is "the" or "a" or "an" or "its" ? (first, count) : (0, 0);
    }
}
