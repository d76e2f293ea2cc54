using System.Globalization;
using System.Text;

namespace AttributionTracker.Domain;

/// <summary>
/// Case- and diacritic-insensitive keys for names, so "Hafnio", "HAFNIO" and "Háfnio" meet in one index.
/// </summary>
public static class TextFolding
{
    /// <summary>Lower-case, strips combining marks, maps typographic punctuation to ASCII, collapses whitespace.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u00B4' or '`' => '\'',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    /// <summary>The key a name is matched on: folded, every run of punctuation and space turned into one space ("EE. UU." → "ee uu").</summary>
    public static string Key(string name)
    {
        var folded = Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().TrimEnd();
    }
}
