using System.Buffers;
using System.Globalization;

namespace AttributionTracker.Import.Dates;

internal enum DateTokenKind : byte
{
    Word,
    Number,
    Symbol,
}

[Flags]
internal enum DateTokenFlags : byte
{
    None = 0,

    /// <summary>No white space between this token and the one before ("mid-2021", "19th", "CVE-2021").</summary>
    Glued = 1,

    Capitalized = 2,

    /// <summary>A number written with group or decimal separators ("250.000", "2,000", "2.5"): never a year or a day.</summary>
    Grouped = 4,
}

/// <summary>
/// One token of the scanned text. <see cref="Id"/> is the lexicon word id (-1 for an unknown word) for a word, the
/// digit count for a number and the character for a symbol; <see cref="Value"/> is a number's value (-1 when longer
/// than nine digits or grouped).
/// </summary>
internal readonly record struct DateToken(int Start, int End, DateTokenKind Kind, DateTokenFlags Flags, int Id, int Value)
{
    public bool IsGlued => (Flags & DateTokenFlags.Glued) != 0;

    public bool IsSymbol(char c) => Kind == DateTokenKind.Symbol && Id == c;
}

/// <summary>
/// Splits text into words (letters), numbers (ASCII digits, with their group separators) and single-character
/// symbols in one pass, looking each word up in the lexicon without allocating. Tokens go into a pooled array.
/// </summary>
internal static class DateTokenizer
{
    /// <summary>Tokenizes <c>text[start..end)</c> into <paramref name="buffer"/> (rented, grown as needed) and returns the count.</summary>
    public static int Tokenize(string text, int start, int end, DateLexicon lexicon, ref DateToken[] buffer)
    {
        Span<char> folded = stackalloc char[DateLexicon.MaxWordLength];
        var span = text.AsSpan(start, end - start);
        var count = 0;
        var glued = false;
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (c == ' ' || (c > 0x7F || c < '!' ? char.IsWhiteSpace(c) : false))
            {
                glued = false;
                i++;
                continue;
            }

            var flags = glued ? DateTokenFlags.Glued : DateTokenFlags.None;
            glued = true;
            var s = i;
            if (char.IsAsciiDigit(c))
            {
                i++;
                while (i < span.Length && char.IsAsciiDigit(span[i]))
                {
                    i++;
                }

                // "250.000", "2,000" and "2.5" are one number, and not a year.
                while (i + 1 < span.Length && span[i] is '.' or ',' && char.IsAsciiDigit(span[i + 1]))
                {
                    flags |= DateTokenFlags.Grouped;
                    i += 2;
                    while (i < span.Length && char.IsAsciiDigit(span[i]))
                    {
                        i++;
                    }
                }

                var digits = i - s;
                var value = digits <= 9 && (flags & DateTokenFlags.Grouped) == 0
                    ? int.Parse(span.Slice(s, digits), NumberStyles.None, CultureInfo.InvariantCulture)
                    : -1;
                Add(ref buffer, ref count, new DateToken(start + s, start + i, DateTokenKind.Number, flags, digits, value));
                continue;
            }

            if (!IsLetter(c))
            {
                i++;
                Add(ref buffer, ref count, new DateToken(start + s, start + i, DateTokenKind.Symbol, flags, c, -1));
                continue;
            }

            if (char.IsUpper(c))
            {
                flags |= DateTokenFlags.Capitalized;
            }

            var length = 0;
            var hash = DateLexicon.HashSeed;
            while (i < span.Length)
            {
                var ch = span[i];
                char f;
                if (ch < 0x80)
                {
                    f = (char)(ch | 0x20);
                    if ((uint)(f - 'a') > 'z' - 'a')
                    {
                        break;
                    }
                }
                else if (IsLetter(ch))
                {
                    f = DateLexicon.FoldChar(ch);
                }
                else
                {
                    break;
                }

                i++;
                if (f != '\0')
                {
                    if (length < folded.Length)
                    {
                        folded[length] = f;
                    }

                    hash = DateLexicon.Hash(hash, f);
                    length++;
                }
            }

            var id = length <= folded.Length && lexicon.MightContain(hash) ? lexicon.Lookup(folded[..length]) : -1;
            if (id >= 0 && lexicon.Contraction[id] is var (first, second))
            {
                // "del" is "de" + "el": the second half spans the "el" so an expression can start there.
                Add(ref buffer, ref count, new DateToken(start + s, start + Math.Min(i, s + 2), DateTokenKind.Word, flags, first, -1));
                Add(ref buffer, ref count, new DateToken(start + Math.Max(s, i - 2), start + i, DateTokenKind.Word, DateTokenFlags.None, second, -1));
            }
            else
            {
                Add(ref buffer, ref count, new DateToken(start + s, start + i, DateTokenKind.Word, flags, id, -1));
            }
        }

        return count;
    }

    public static DateToken[] Rent(int textLength) => ArrayPool<DateToken>.Shared.Rent(Math.Clamp(textLength / 4, 16, 1 << 16));

    public static void Return(DateToken[] buffer) => ArrayPool<DateToken>.Shared.Return(buffer);

    private static void Add(ref DateToken[] buffer, ref int count, DateToken token)
    {
        if (count == buffer.Length)
        {
            var larger = ArrayPool<DateToken>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, count).CopyTo(larger);
            ArrayPool<DateToken>.Shared.Return(buffer);
            buffer = larger;
        }

        buffer[count++] = token;
    }

    private static bool IsLetter(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        }

        return char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
    }
}
