using System.Globalization;
using System.Text;
using AttributionTracker.Domain;

namespace AttributionTracker.Import.Text;

/// <summary>
/// Splits text into word tokens in one linear pass. Letters, digits and marks make words; an apostrophe or hyphen
/// between letters stays inside a word ("Finland's" is one token, keyed "finland's"); everything else separates.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    /// <summary>A name's token keys joined by single spaces: what the gazetteer and the word lists match on.</summary>
    public static string KeyOf(string name) => string.Join(' ', Tokenize(name).Select(t => t.Key));

    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(16, (end - start) / 5));
        var breakPending = false;
        var i = start;
        var key = new StringBuilder(32);
        while (i < end)
        {
            var c = text[i];
            if (!IsWordChar(c))
            {
                breakPending |= IsBreak(c);
                i++;
                continue;
            }

            var s = i;
            while (i < end && (IsWordChar(text[i]) || (IsJoiner(text[i]) && i + 1 < end && char.IsLetterOrDigit(text[i + 1]) && i > s)))
            {
                i++;
            }

            // English possessive: "China's" is the name "China" (the 's is dropped, not a new token).
            var e = i;
            if (e - s > 2 && (text[e - 1] is 's' or 'S') && text[e - 2] is '\'' or '\u2019')
            {
                e -= 2;
            }

            tokens.Add(new Token(s, e, Fold(text, s, e, key), Shape(text, s, e), breakPending));
            breakPending = false;
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '-' or '\u2010' or '\u2011';

    /// <summary>Punctuation that ends a name: a name may span dots ("EE. UU.") and spaces, not commas or quotes.</summary>
    private static bool IsBreak(char c) => c is ',' or ';' or ':' or '(' or ')' or '[' or ']' or '"' or '«' or '»' or '“' or '”' or '‘' or '!' or '?' or '¿' or '¡' or '\n' or '—' or '–';

    private static string Fold(string text, int start, int end, StringBuilder sb)
    {
        var ascii = true;
        for (var i = start; i < end && ascii; i++)
        {
            ascii = text[i] < 128 && text[i] != '\'';
        }

        if (ascii)
        {
            sb.Clear();
            for (var i = start; i < end; i++)
            {
                sb.Append(char.ToLowerInvariant(text[i]));
            }

            return sb.ToString();
        }

        return TextFolding.Fold(text[start..end]).Replace('\u2019', '\'');
    }

    private static TokenShape Shape(string text, int start, int end)
    {
        int upper = 0, lower = 0, digits = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        if (digits > 0)
        {
            return TokenShape.Number;
        }

        if (lower == 0)
        {
            return TokenShape.Upper;
        }

        if (upper == 0)
        {
            return TokenShape.Lower;
        }

        return upper == 1 && char.IsUpper(text[start]) ? TokenShape.Capitalised : TokenShape.Mixed;
    }
}
