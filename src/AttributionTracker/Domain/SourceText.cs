using System.Security.Cryptography;
using System.Text;

namespace AttributionTracker.Domain;

public static class SourceText
{
    /// <summary>
    /// Stored text: Unicode NFC, LF line ends, no trailing whitespace. Spans are offsets into this form.
    /// </summary>
    public static string Normalise(string text)
    {
        var lines = Normalizable(text).Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        return string.Join('\n', lines.Select(l => l.TrimEnd())).Trim('\n');
    }

    /// <summary>
    /// The text with what Unicode normalisation refuses — an unpaired surrogate, U+FFFE — replaced by U+FFFD, as a
    /// decoder does with bytes it cannot read. Only damaged files hold them (random bytes after a UTF-16 BOM, an HTML
    /// "&amp;#xFFFE;"); without this, <see cref="string.Normalize()"/> throws ArgumentException on them.
    /// </summary>
    public static string Normalizable(string text)
    {
        var bad = FirstInvalid(text);
        if (bad < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = bad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] == '\uFFFE')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c == '\uFFFE')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Identity of an article regardless of how it was saved: the hash of its text with case, accents and
    /// whitespace folded, so a re-encoded or re-wrapped copy is recognised as the same article.
    /// </summary>
    public static string Fingerprint(string text)
    {
        var folded = TextFolding.Fold(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)));
    }
}
