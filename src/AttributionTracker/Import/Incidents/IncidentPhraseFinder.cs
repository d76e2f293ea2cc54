using AttributionTracker.Import.Dates;
using AttributionTracker.Import.Mentions;
using AttributionTracker.Import.Statements;
using AttributionTracker.Import.Text;

namespace AttributionTracker.Import.Incidents;

/// <summary>
/// Reads incident descriptions: a head word ("ataque", "breach", "campaign") with the proper names just before it
/// ("the SolarWinds hack") and the words after it up to a clause boundary, a stop word or a cue.
/// </summary>
internal static class IncidentPhraseFinder
{
    private const int MaxTokensAfterHead = 20;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "de", "del", "la", "el", "los", "las", "un", "una", "unos", "unas", "a", "al", "en", "y", "o", "por", "para", "con", "su", "sus", "todo", "toda",
        "todos", "este", "esta", "ese", "esa", "estos", "esas", "mundo", "contra", "sobre", "entre", "lo", "le", "les", "se", "mas", "muy", "otro", "otros",
        "the", "a", "an", "of", "on", "in", "at", "to", "for", "and", "or", "its", "their", "this", "that", "these", "those", "with", "from", "against",
        "world", "around", "about", "some", "more", "than", "into", "over", "other", "such", "it", "his", "her", "our", "your", "s", "informatico",
        "informatica", "informaticos", "informaticas", "cyber", "ciber", "large", "scale", "massive", "major", "masivo", "gran", "grandes", "alleged", "presunto",
        "presunta", "supuesto", "supuesta", "ultimo", "ultima", "recent", "reciente", "last", "latest", "new", "nuevo", "nueva", "personas", "people", "intentar",
        "trying", "attempt", "attempted", "intento", "try", "history", "historia", "ever", "date",
    };

    private static readonly HashSet<string> GroupNouns = new(StringComparer.Ordinal) { "group", "groups", "team", "unit", "crew", "gang", "outfit", "grupo", "grupos", "equipo", "unidad" };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "de", "del", "a", "al", "contra", "en", "sobre", "hacia", "of", "on", "against", "in", "to", "into", "targeting", "at", "for", "para",
    };

    private static readonly HashSet<string> Quantifiers = new(StringComparer.Ordinal) { "unos", "unas", "about", "some", "around", "nearly", "almost", "over", "mas", "casi", "cerca", "alrededor", "aproximadamente", "approximately", "roughly" };

    public static List<IncidentPhrase> Find(
        string text, IReadOnlyList<Token> tokens, int from, int to, StatementLexicon lexicon,
        IReadOnlyList<Mention> mentions, IReadOnlyList<DateMention> dates, ImportLexicon names, int sentenceFirstToken)
    {
        var phrases = new List<IncidentPhrase>();
        for (var i = from; i < to; i++)
        {
            if (lexicon.IncidentHeads.MatchAt(tokens, i, to) is not { } head
                || (i + head.Length < to && GroupNouns.Contains(tokens[i + head.Length].Key))
                || NotCyber(tokens, i, head.Length, to, lexicon))
            {
                // "hacking group", "grupo de ataque" name the actor, not an operation.
                continue;
            }

            var first = i;
            while (first - 1 > Math.Max(from, sentenceFirstToken - 1) && !tokens[first].BreakBefore
                && tokens[first - 1].Shape is TokenShape.Capitalised or TokenShape.Upper or TokenShape.Mixed or TokenShape.Number
                && !IsPartyOrActor(mentions, first - 1))
            {
                first--;
            }

            var end = i + head.Length;

            // "el ciberataque que paralizó en 2015 la red informática del Bundestag": a relative clause right after
            // the head describes the operation.
            var relative = end < to && !tokens[end].BreakBefore && tokens[end].Key is "que" or "that" or "which";
            if (relative)
            {
                end++;
            }

            while (end < to && end - i < MaxTokensAfterHead && !tokens[end].BreakBefore
                && (relative || !lexicon.IncidentStops.Contains(tokens[end].Key)) && lexicon.Cues.MatchAt(tokens, end, to) is null)
            {
                // A date closes the description: "el ataque al parlamento de Finlandia en 2020".
                if (dates.FirstOrDefault(d => d.Start == tokens[end].Start || (d.Start < tokens[end].Start && d.End > tokens[end].Start)) is { } date)
                {
                    while (end < to && tokens[end].End <= date.End)
                    {
                        end++;
                    }

                    if (relative)
                    {
                        continue;
                    }

                    break;
                }

                end++;
            }

            while (end > i + head.Length && FunctionWords.Contains(tokens[end - 1].Key))
            {
                end--;
            }

            phrases.Add(Build(text, tokens, first, end, mentions, dates, names, sentenceFirstToken, lexicon));
            i = end - 1;
        }

        return phrases;
    }

    private static IncidentPhrase Build(
        string text, IReadOnlyList<Token> tokens, int first, int end, IReadOnlyList<Mention> mentions,
        IReadOnlyList<DateMention> dates, ImportLexicon names, int sentenceFirstToken, StatementLexicon lexicon)
    {
        var start = tokens[first].Start;
        var stop = tokens[end - 1].End;
        var date = dates.FirstOrDefault(d => d.Start >= start && d.End <= stop);
        var nameEnd = date is not null && date.Start > start ? date.Start : stop;
        var proper = new HashSet<string>(StringComparer.Ordinal);
        var content = new HashSet<string>(StringComparer.Ordinal);
        var victims = new List<string>();
        var heads = new HashSet<string>(StringComparer.Ordinal);
        var afterPreposition = false;
        for (var t = first; t < end; t++)
        {
            var token = tokens[t];
            afterPreposition |= Prepositions.Contains(token.Key);
            if (date is not null && token.Start >= date.Start && token.End <= date.End)
            {
                continue;
            }

            if (mentions.FirstOrDefault(m => m.FirstToken <= t && t < m.EndToken) is { } mention)
            {
                // "la piratería china", "Russian hacking": a demonym names who did it, not who was hit.
                if (mention.Kind == EntityKind.State && mention.Form != NameForm.Demonym && !victims.Contains(names.States[mention.Index].Code))
                {
                    victims.Add(names.States[mention.Index].Code);
                }

                continue;
            }

            if (lexicon.IncidentHeads.MatchAt(tokens, t, t + 1) is not null)
            {
                heads.Add(Stem(token.Key));
                continue;
            }

            if (FunctionWords.Contains(token.Key) || token.Key.All(char.IsDigit))
            {
                continue;
            }

            if (token.Shape != TokenShape.Lower && t != sentenceFirstToken)
            {
                proper.Add(token.Key);
            }
            else if (afterPreposition)
            {
                // Only what follows a preposition describes a target ("ataque al parlamento"); words straight after
                // the head are adjectives or verbs ("el ciberataque equivalía", "la piratería china").
                content.Add(Stem(token.Key));
            }
        }

        return new IncidentPhrase(first, end, start, stop, CleanName(text[start..nameEnd]), proper, content, victims, date?.Date, Scale(text, tokens, first, end, lexicon))
        {
            HeadKeys = heads,
        };
    }

    /// <summary>"campaña de desprestigio", "smear campaign", "disinformation campaign": not a cyber operation.</summary>
    private static bool NotCyber(IReadOnlyList<Token> tokens, int head, int length, int to, StatementLexicon lexicon)
    {
        for (var t = Math.Max(0, head - 1); t < Math.Min(to, head + length + 2); t++)
        {
            if (lexicon.NotCyber.Contains(tokens[t].Key))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPartyOrActor(IReadOnlyList<Mention> mentions, int token) =>
        mentions.Any(m => m.FirstToken <= token && token < m.EndToken && m.Kind is EntityKind.Party or EntityKind.Title or EntityKind.Actor);

    /// <summary>Plural and gender endings off, so "campañas electorales" meets "campaña electoral".</summary>
    internal static string Stem(string key)
    {
        var stem = key.Length > 5 && key.EndsWith("es", StringComparison.Ordinal) ? key[..^2]
            : key.Length > 4 && key.EndsWith('s') ? key[..^1]
            : key;
        return stem.Length > 4 && (stem.EndsWith('a') || stem.EndsWith('o')) ? stem[..^1] : stem;
    }

    private static string? Scale(string text, IReadOnlyList<Token> tokens, int first, int end, StatementLexicon lexicon)
    {
        for (var t = first; t + 1 < end; t++)
        {
            if (tokens[t].Shape == TokenShape.Number && lexicon.ScaleUnits.Contains(tokens[t + 1].Key))
            {
                var s = t;
                // "250.000" and "250,000" are one number in two tokens.
                while (s > first && (Quantifiers.Contains(tokens[s - 1].Key) || tokens[s - 1].Key is "de" or "than"
                    || (tokens[s - 1].Shape == TokenShape.Number && tokens[s].Start - tokens[s - 1].End == 1 && text[tokens[s - 1].End] is '.' or ',')))
                {
                    s--;
                }

                while (s < t && tokens[s].Key is "de" or "than")
                {
                    s++;
                }

                return string.Join(' ', text[tokens[s].Start..tokens[t + 1].End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return null;
    }

    private static readonly string[] LeadingArticles = ["the ", "a ", "an ", "el ", "la ", "los ", "las ", "un ", "una ", "este ", "esta ", "this "];

    private static string CleanName(string phrase)
    {
        var name = string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd(',', ';', ':', '.', ' ');
        foreach (var article in LeadingArticles)
        {
            if (name.StartsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                name = name[article.Length..];
                break;
            }
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && FunctionWords.Contains(words[^1].ToLowerInvariant()))
        {
            words.RemoveAt(words.Count - 1);
        }

        name = string.Join(' ', words);
        return name.Length == 0 ? phrase : char.ToUpperInvariant(name[0]) + name[1..];
    }
}
