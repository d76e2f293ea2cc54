namespace AttributionTracker.Import.Text;

/// <summary>
/// Splits an article into sentences at . ! ? … followed by a space and a capital, digit or opening quote, and at
/// line breaks; not after abbreviations ("EE. UU.", "Sr.", "U.S.") or initials. Quotes stay inside their sentence.
/// </summary>
public static class SentenceSplitter
{
    // Lower-case keys of words that end with a dot without ending a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "ee", "uu", "sr", "sra", "srta", "dr", "dra", "mr", "mrs", "ms", "st", "jr", "gen", "lt", "col", "sgt", "capt", "gov",
        "sen", "rep", "no", "nº", "núm", "vs", "inc", "corp", "ltd", "co", "etc", "p", "pp", "ed", "vol", "art", "av", "avda",
        "u", "s", "a", "m", "e", "d", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "ene", "abr", "ago", "dic", "approx", "aprox", "dept", "depto", "prof", "fig", "ca",
    };

    public static List<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        var sentences = new List<Sentence>();
        var paragraph = 0;
        var start = SkipSpace(text, 0);
        var firstToken = 0;
        var t = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            var end = -1;
            var newParagraph = false;
            if (c == '\n')
            {
                newParagraph = i + 1 < text.Length && text[i + 1] == '\n';
                if (!newParagraph && WrappedLine(text, i))
                {
                    continue;
                }

                end = i;
            }
            else if (c is '.' or '!' or '?' or '…' && EndsSentence(text, i, tokens, t))
            {
                end = ClosingQuotes(text, i + 1);
            }

            if (end < 0)
            {
                continue;
            }

            while (t < tokens.Count && tokens[t].Start < end)
            {
                t++;
            }

            if (TrimEnd(text, start, end) is var e && e > start)
            {
                sentences.Add(new Sentence(sentences.Count, start, e, firstToken, t - firstToken, paragraph));
            }

            if (newParagraph)
            {
                paragraph++;
            }

            firstToken = t;
            start = SkipSpace(text, end);
            i = Math.Max(i, start - 1);
        }

        if (TrimEnd(text, start, text.Length) is var last && last > start)
        {
            sentences.Add(new Sentence(sentences.Count, start, last, firstToken, tokens.Count - firstToken, paragraph));
        }

        return sentences;
    }

    private static bool EndsSentence(string text, int dot, IReadOnlyList<Token> tokens, int fromToken)
    {
        var next = dot + 1;
        while (next < text.Length && text[next] is '"' or '”' or '»' or '\'' or '’' or ')')
        {
            next++;
        }

        if (next < text.Length && !char.IsWhiteSpace(text[next]))
        {
            return false; // "U.S.", "3.5", "gov.uk"
        }

        while (next < text.Length && text[next] != '\n' && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= text.Length || text[next] == '\n')
        {
            return true;
        }

        var following = text[next];
        if (!(char.IsUpper(following) || char.IsDigit(following) || following is '"' or '“' or '«' or '\'' or '‘' or '¿' or '¡' or '('))
        {
            return false;
        }

        if (text[dot] != '.')
        {
            return true;
        }

        // The word before the dot: an abbreviation or a single capital initial does not end the sentence.
        var w = dot;
        while (w > 0 && char.IsLetter(text[w - 1]))
        {
            w--;
        }

        var word = text[w..dot];
        return !(word.Length == 1 && char.IsUpper(word[0])) && !Abbreviations.Contains(word.ToLowerInvariant());
    }

    /// <summary>
    /// A single line break inside a paragraph of hard-wrapped text: the next line goes on in lower case, or this line
    /// is long and stops mid-sentence. A short line with no end punctuation is a title or dateline of its own.
    /// </summary>
    private static bool WrappedLine(string text, int newline)
    {
        var next = newline + 1;
        if (next < text.Length && char.IsLower(text[next]))
        {
            return true;
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, newline - 1)) + 1;
        var last = newline - 1;
        return newline - lineStart >= 60 && last >= 0 && (char.IsLetterOrDigit(text[last]) || text[last] is ',' or ';');
    }

    private static int ClosingQuotes(string text, int i)
    {
        while (i < text.Length && text[i] is '"' or '”' or '»' or '\'' or '’' or ')')
        {
            i++;
        }

        return i;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
