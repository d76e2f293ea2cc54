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
        var lines = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        return string.Join('\n', lines.Select(l => l.TrimEnd())).Trim('\n');
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
