using AttributionTracker.Import.Text;

namespace AttributionTracker.Import.Mentions;

/// <summary>
/// Finds the names in an article and composes officials: a title ("el secretario de Relaciones Exteriores",
/// "foreign ministry spokesperson") names a party only together with a state beside it ("del Reino Unido",
/// "British", "China's").
/// </summary>
public static class MentionFinder
{
    private static readonly HashSet<string> Linkers = new(StringComparer.Ordinal) { "de", "del", "of", "the", "la", "el", "for", "para", "en", "in" };

    public static List<Mention> Find(string text, IReadOnlyList<Token> tokens, ImportLexicon lexicon)
    {
        var raw = lexicon.Names.Find(tokens, 0, tokens.Count);
        var mentions = new List<Mention>(raw.Count);
        foreach (var (first, count, entry) in raw)
        {
            if (entry.Kind == EntityKind.Actor && !BestActor(raw, first, count, entry, text, tokens, lexicon))
            {
                continue;
            }

            mentions.Add(new Mention(first, count, tokens[first].Start, tokens[first + count - 1].End, entry.Kind, entry.Index, entry.Form));
        }

        mentions.AddRange(SplitTitles(tokens, mentions, lexicon));
        mentions.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        return ComposeOfficials(mentions, tokens, lexicon);
    }

    /// <summary>
    /// A demonym inside a title: "la ministra alemana de Asuntos Exteriores", "el ministro británico de Defensa" —
    /// the title's words around the demonym make a known title, and the demonym gives its state.
    /// </summary>
    private static IEnumerable<Mention> SplitTitles(IReadOnlyList<Token> tokens, List<Mention> mentions, ImportLexicon lexicon)
    {
        foreach (var demonym in mentions.Where(m => m.Kind == EntityKind.State && m.Form == NameForm.Demonym && m.FirstToken > 0).ToList())
        {
            for (var after = 1; after <= 5 && demonym.EndToken + after <= tokens.Count; after++)
            {
                var key = tokens[demonym.FirstToken - 1].Key + " " + string.Join(' ', Enumerable.Range(demonym.EndToken, after).Select(t => tokens[t].Key));
                if (lexicon.Names.Lookup(key).FirstOrDefault(e => e.Kind == EntityKind.Title) is { Kind: EntityKind.Title } title)
                {
                    var first = demonym.FirstToken - 1;
                    var end = demonym.EndToken + after;
                    yield return new Mention(first, end - first, tokens[first].Start, tokens[end - 1].End, EntityKind.Title, title.Index, NameForm.Name)
                    {
                        State = lexicon.States[demonym.Index].Code,
                    };
                    break;
                }
            }
        }
    }

    /// <summary>
    /// One name, several actors ("Nobelium" is a synonym in two clusters): the one whose own name it is, else the one
    /// with the most aliases — the better-known cluster.
    /// </summary>
    private static bool BestActor(List<(int First, int Count, NameEntry Entry)> raw, int first, int count, NameEntry entry, string text, IReadOnlyList<Token> tokens, ImportLexicon lexicon)
    {
        var rivals = raw.Where(r => r.First == first && r.Count == count && r.Entry.Kind == EntityKind.Actor).Select(r => lexicon.Actors[r.Entry.Index]).ToList();
        if (rivals.Count == 1)
        {
            return true;
        }

        var key = Tokenizer.KeyOf(text[tokens[first].Start..tokens[first + count - 1].End]);
        var best = rivals.FirstOrDefault(a => Tokenizer.KeyOf(a.Name) == key) ?? rivals.OrderByDescending(a => a.Aliases.Count).ThenBy(a => a.Index).First();
        return best.Index == entry.Index;
    }

    private static List<Mention> ComposeOfficials(List<Mention> mentions, IReadOnlyList<Token> tokens, ImportLexicon lexicon)
    {
        var result = new List<Mention>(mentions.Count);
        var consumed = new HashSet<int>();
        for (var m = 0; m < mentions.Count; m++)
        {
            var title = mentions[m];
            if (title.Kind != EntityKind.Title || title.State is not null)
            {
                continue;
            }

            // Right: "secretario de Relaciones Exteriores del Reino Unido", "ministro de Exteriores británico".
            var right = m + 1 < mentions.Count && mentions[m + 1].Kind == EntityKind.State && Gap(tokens, title.EndToken, mentions[m + 1].FirstToken) is { } gapRight
                && gapRight.All(Linkers.Contains) && gapRight.Count <= 2 ? mentions[m + 1] : null;

            // Left: "the British Foreign Secretary", "China's foreign ministry", "US officials".
            var left = m > 0 && mentions[m - 1].Kind == EntityKind.State && Gap(tokens, mentions[m - 1].EndToken, title.FirstToken) is { } gapLeft
                && gapLeft.Count <= 1 && gapLeft.All(w => w is "s" or "the") ? mentions[m - 1] : null;

            var state = right ?? left;
            if (state is null)
            {
                continue;
            }

            var first = Math.Min(title.FirstToken, state.FirstToken);
            var end = Math.Max(title.EndToken, state.EndToken);
            consumed.Add(m);
            consumed.Add(mentions.IndexOf(state));
            result.Add(new Mention(first, end - first, tokens[first].Start, tokens[end - 1].End, EntityKind.Title, title.Index, NameForm.Name)
            {
                State = lexicon.States[state.Index].Code,
            });
        }

        for (var m = 0; m < mentions.Count; m++)
        {
            // Keep what no official absorbed, and officials already composed; drop the parts of a split title.
            var mention = mentions[m];
            if (!consumed.Contains(m) && (mention.Kind != EntityKind.Title || mention.State is not null)
                && !result.Any(r => r.State is not null && r.Kind == EntityKind.Title && r.FirstToken <= mention.FirstToken && mention.EndToken <= r.EndToken))
            {
                result.Add(mention);
            }
        }

        result.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        return result;
    }

    private static List<string>? Gap(IReadOnlyList<Token> tokens, int from, int to)
    {
        if (to < from || to - from > 3)
        {
            return null;
        }

        var words = new List<string>(to - from);
        for (var i = from; i < to; i++)
        {
            words.Add(tokens[i].Key);
        }

        return words;
    }
}
