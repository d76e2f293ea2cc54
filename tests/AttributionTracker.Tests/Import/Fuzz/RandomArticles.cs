using FsCheck;
using FsCheck.Fluent;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>
/// Text built from the pieces an article is made of — names, cues, dates, punctuation and quotes in both languages'
/// styles — mixed with what editors paste by accident: control and bidi characters, emoji, lone surrogates,
/// very long tokens, every kind of line break.
/// </summary>
internal static class RandomArticles
{
    private static readonly string[] Punctuation =
    [
        ".", ",", ";", ":", "!", "?", "¿", "¡", "…", "...", "(", ")", "[", "]", "«", "»", "“", "”", "‘", "’", "\"", "'", "—", "–", "-",
        "'s", "EE. UU.", "U.S.", "Sr.", "Dr.", "p. ej.", "/", "&", "#", "*", "_", "`", "<", ">", "%", "$", "€",
    ];

    private static readonly string[] Spaces = [" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00A0", "\u2028", "\u2029", "\u3000", ""];

    // Characters that break naive code: zero-width, bidi overrides, BOM, replacement, combining marks, lone surrogates.
    private static readonly string[] Oddities =
    [
        "\u200B", "\u200D", "\u202E", "\u202D", "\u2066", "\u2069", "\u200F", "\uFEFF", "\uFFFD", "\u0301", "e\u0301", "\u0000",
        "\u0007", "\u001B", "\u007F", "\u0085", "\uD83D", "\uDC00", "😀", "👩‍💻", "🇷🇺", "ﬁ", "İ", "ß", "Σ", "ǅ", "\u0640",
    ];

    private static Gen<string> Piece => Gen.Frequency(
        (6, Gen.Elements(FuzzLexicon.Names.ToArray())),
        (5, Gen.Elements(FuzzLexicon.Cues)),
        (2, Gen.Elements(FuzzLexicon.Dates)),
        (5, Gen.Elements(Punctuation)),
        (2, Gen.Choose(-100_000, 3_000_000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, Gen.Elements(Oddities)),
        (1, LongToken));

    private static Gen<string> LongToken => Gen.Choose(1_000, 60_000).SelectMany(n =>
        Gen.Elements("a", "A", "ñ", "«", ".", "1", "APT", "-", "'", "😀").Select(s => string.Concat(Enumerable.Repeat(s, n / s.Length))));

    /// <summary>Between one and a few hundred pieces with separators; FsCheck's size grows the length.</summary>
    public static Gen<string> Text => Gen.Sized(size =>
        Gen.Choose(1, 20 + size * 4).SelectMany(count =>
            Gen.ArrayOf(Piece.SelectMany(p => Gen.Elements(Spaces).Select(s => p + s)), count)
                .Select(parts => string.Concat(parts))));

    public static Gen<string> Language => Gen.Elements("en", "es");
}
