using System.Text;
using System.Text.Unicode;

namespace AttributionTracker.Import.Reading;

/// <summary>
/// Bytes to text the way saved news articles actually arrive: UTF-8 (with or without BOM), UTF-16/32 with a BOM,
/// and otherwise Windows-1252, the encoding of older Spanish and English Windows files, which is also a superset of
/// the printable part of Latin-1.
/// </summary>
internal static class TextDecoder
{
    // Taken from the provider directly rather than registered, so reading an article changes no process-wide state.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is missing from this runtime.");

    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false);

    // Above this share of control characters the bytes are not prose in any encoding we accept.
    private const double MaxControlShare = 0.05;

    public const string Empty = "the file is empty";

    public const string Binary = "binary file, not a text article";

    /// <summary>The text, or a refusal naming <paramref name="name"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.IsEmpty)
        {
            throw new ArticleReadException(name, Empty);
        }

        var text = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(bytes[3..]),
            [0xFF, 0xFE, 0x00, 0x00, ..] => Encoding.UTF32.GetString(bytes[4..]),
            [0x00, 0x00, 0xFE, 0xFF, ..] => Utf32BigEndian.GetString(bytes[4..]),
            [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(bytes[2..]),
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(bytes[2..]),

            // Without a BOM a NUL byte means binary (or BOM-less UTF-16, which no article source we know writes).
            _ when bytes.Contains((byte)0) => throw new ArticleReadException(name, Binary),
            _ when Utf8.IsValid(bytes) => Encoding.UTF8.GetString(bytes),
            _ => Windows1252.GetString(bytes),
        };

        Check(text, name);
        return text;
    }

    private static void Check(string text, string name)
    {
        var controls = 0;
        var hasText = false;
        foreach (var c in text)
        {
            if (c < ' ')
            {
                if (c == '\0')
                {
                    throw new ArticleReadException(name, Binary);
                }

                if (c is not ('\t' or '\n' or '\r' or '\f'))
                {
                    controls++;
                }
            }
            else if (c is >= '\u007F' and <= '\u009F')
            {
                controls++;
            }
            else if (!hasText && !char.IsWhiteSpace(c))
            {
                hasText = true;
            }
        }

        if (!hasText)
        {
            throw new ArticleReadException(name, controls == 0 ? Empty : Binary);
        }

        if (controls > text.Length * MaxControlShare)
        {
            throw new ArticleReadException(name, Binary);
        }
    }
}
