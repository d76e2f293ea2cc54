using AttributionTracker.Domain;
using AttributionTracker.Import.Lexicon;

namespace AttributionTracker.Import.Reading;

/// <summary>
/// Finds the publication date an article states near its top: "19 July 2021", "July 19, 2021", "2021-07-19",
/// "19/07/2021", "19 de julio de 2021", or the wire-service dateline "Madrid, 19 jul (EFE)". Month names come from
/// <c>Import/Lexicon/months.json</c>. A token pass, no regular expressions.
/// </summary>
internal static class Dateline
{
    /// <summary>A dateline starts within this many characters of the top.</summary>
    public const int Window = 300;

    // Room for a date that starts just inside the window to finish.
    private const int Overhang = 40;

    // "LONDON, July 19 (Reuters)": at most this many words of place name before the comma.
    private const int MaxPlaceWords = 4;

    private static readonly Dictionary<string, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>> Months = LoadMonths();

    /// <summary>
    /// The first date in the window. A dateline without a year ("Madrid, 19 jul (EFE)") is taken as the latest
    /// such day not after <paramref name="today"/>, the way a reader of a fresh wire story reads it.
    /// </summary>
    public static PartialDate? Find(string text, string language, DateOnly today)
    {
        if (!Months.TryGetValue(language, out var months))
        {
            return null;
        }

        var tokens = Tokenize(text.AsSpan(0, Math.Min(text.Length, Window + Overhang)));
        var scan = new Scan(text, tokens, months, DayFirst: language == "es", CapitalMonths: language == "en");
        for (var i = 0; i < tokens.Count && tokens[i].Start < Window; i++)
        {
            if (scan.At(i, today) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static Dictionary<string, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>> LoadMonths()
    {
        var file = EmbeddedData.ReadLexicon<Dictionary<string, Dictionary<string, int>>>("months.json");
        var months = new Dictionary<string, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>>(StringComparer.Ordinal);
        foreach (var (language, names) in file)
        {
            if (names.FirstOrDefault(n => n.Value is < 1 or > 12) is { Key: not null } bad)
            {
                throw new InvalidDataException($"months.json: \"{bad.Key}\" ({language}) is month {bad.Value}; months are 1 to 12.");
            }

            months[language] = new Dictionary<string, int>(names, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        return months;
    }

    private static List<Token> Tokenize(ReadOnlySpan<char> s)
    {
        var tokens = new List<Token>(64);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, TokenKind.Number));
            }
            else if (char.IsLetter(c))
            {
                while (i < s.Length && char.IsLetter(s[i]))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, TokenKind.Word));
            }
            else
            {
                tokens.Add(new Token(start, ++i, TokenKind.Mark));
            }
        }

        return tokens;
    }

    private enum TokenKind
    {
        Number,
        Word,
        Mark,
    }

    private readonly record struct Token(int Start, int End, TokenKind Kind)
    {
        public int Length => End - Start;
    }

    /// <param name="DayFirst">Whether 05/06 is 5 June (Spanish) rather than ambiguous (English).</param>
    /// <param name="CapitalMonths">English writes months with a capital, which keeps "may" the verb out.</param>
    private readonly ref struct Scan(
        string text, List<Token> tokens, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> months, bool DayFirst, bool CapitalMonths)
    {
        public PartialDate? At(int i, DateOnly today) =>
            IsoAt(i) ?? NumericAt(i) ?? DayMonthAt(i, today) ?? MonthDayAt(i, today);

        // 2021-07-19 (also the date part of 2021-07-19T10:00Z).
        private PartialDate? IsoAt(int i) =>
            Number(i, 4) is { } year && Adjacent(i, i + 1) && IsMark(i + 1, '-') && Adjacent(i + 1, i + 2) && Number(i + 2, 2) is { } month
            && Adjacent(i + 2, i + 3) && IsMark(i + 3, '-') && Adjacent(i + 3, i + 4) && Number(i + 4, 2) is { } day
                ? Date(year, month, day)
                : null;

        // 19/07/2021 or 19.07.2021: day first in Spanish; in English, where both orders are in use, only when one of
        // the two numbers cannot be a month.
        private PartialDate? NumericAt(int i)
        {
            if (Number(i, 1, 2) is not { } a || !Adjacent(i, i + 1) || Separator(i + 1) is not { } sep || Number(i + 2, 1, 2) is not { } b
                || !Adjacent(i + 1, i + 2) || !Adjacent(i + 2, i + 3) || !IsMark(i + 3, sep) || !Adjacent(i + 3, i + 4) || Number(i + 4, 4) is not { } year)
            {
                return null;
            }

            return a > 12 || (DayFirst && b <= 12) ? Date(year, b, a) : b > 12 ? Date(year, a, b) : null;
        }

        // 19 July 2021, 19th July, 2021, 19 de julio de 2021, 1º de julio del 2021, Madrid, 19 jul (EFE).
        private PartialDate? DayMonthAt(int i, DateOnly today)
        {
            if (Number(i, 1, 2) is not { } day)
            {
                return null;
            }

            var m = SkipOrdinal(i + 1);
            m = IsWord(m, "de") ? m + 1 : m;
            if (Month(m) is not { } month)
            {
                return null;
            }

            var y = SkipDot(m + 1);
            y = IsMark(y, ',') ? y + 1 : y;
            y = IsWord(y, "de") || IsWord(y, "del") ? y + 1 : y;
            return Number(y, 4) is { } year ? Date(year, month, day)
                : IsDateline(i, SkipDot(m + 1)) ? Yearless(month, day, today)
                : null;
        }

        // July 19, 2021, Jul. 19 2021, LONDON, July 19 (Reuters).
        private PartialDate? MonthDayAt(int i, DateOnly today)
        {
            if (Month(i) is not { } month)
            {
                return null;
            }

            var d = SkipDot(i + 1);
            if (Number(d, 1, 2) is not { } day)
            {
                return null;
            }

            var after = SkipOrdinal(d + 1);
            var y = IsMark(after, ',') ? after + 1 : after;
            return Number(y, 4) is { } year ? Date(year, month, day)
                : IsDateline(i, after) ? Yearless(month, day, today)
                : null;
        }

        // A date without a year counts only in dateline position: first on its line, or after "Place," at the
        // start of one, and followed by "(Agency)", a dash, a full stop or the end of the line. Elsewhere "19 July"
        // is more likely an event in the story than the day it was filed.
        private bool IsDateline(int first, int next)
        {
            var endsWell = next >= tokens.Count || LineBreakBefore(next) || IsMark(next, '(') || IsMark(next, '-') || IsMark(next, '.')
                || IsMark(next, '—') || IsMark(next, '–');
            if (!endsWell)
            {
                return false;
            }

            if (LineBreakBefore(first))
            {
                return true;
            }

            if (!IsMark(first - 1, ','))
            {
                return false;
            }

            for (var t = first - 2; t >= 0 && t >= first - 1 - MaxPlaceWords; t--)
            {
                if (tokens[t].Kind != TokenKind.Word || !char.IsUpper(text[tokens[t].Start]))
                {
                    return false;
                }

                if (LineBreakBefore(t))
                {
                    return true;
                }
            }

            return false;
        }

        private bool LineBreakBefore(int t) =>
            t <= 0 || text.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).Contains('\n');

        private bool Adjacent(int a, int b) => b < tokens.Count && tokens[a].End == tokens[b].Start;

        private int? Number(int t, int digits) => Number(t, digits, digits);

        private int? Number(int t, int minDigits, int maxDigits) =>
            t < tokens.Count && tokens[t] is { Kind: TokenKind.Number } token && token.Length >= minDigits && token.Length <= maxDigits
                ? int.Parse(text.AsSpan(token.Start, token.Length), provider: null)
                : null;

        private int? Month(int t) =>
            t < tokens.Count && tokens[t].Kind == TokenKind.Word && (!CapitalMonths || char.IsUpper(text[tokens[t].Start]))
            && months.TryGetValue(text.AsSpan(tokens[t].Start, tokens[t].Length), out var month)
                ? month
                : null;

        private char? Separator(int t) => IsMark(t, '/') ? '/' : IsMark(t, '.') ? '.' : IsMark(t, '-') ? '-' : null;

        private bool IsMark(int t, char c) => t >= 0 && t < tokens.Count && tokens[t].Kind == TokenKind.Mark && text[tokens[t].Start] == c;

        private bool IsWord(int t, string word) =>
            t < tokens.Count && tokens[t].Kind == TokenKind.Word && text.AsSpan(tokens[t].Start, tokens[t].Length).Equals(word, StringComparison.OrdinalIgnoreCase);

        private int SkipDot(int t) => IsMark(t, '.') && Adjacent(t - 1, t) ? t + 1 : t;

        // "19th", "1st", "1º": a suffix glued to the number.
        private int SkipOrdinal(int t) =>
            t < tokens.Count && tokens[t].Kind == TokenKind.Word && Adjacent(t - 1, t)
            && text.AsSpan(tokens[t].Start, tokens[t].Length) is var suffix
            && (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
                || suffix is "º" or "ª" or "o")
                ? t + 1
                : t;

        private static PartialDate? Date(int year, int month, int day) =>
            year is >= 1900 and <= 2999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                ? PartialDate.OfDay(year, month, day)
                : null;

        private static PartialDate? Yearless(int month, int day, DateOnly today)
        {
            // 29 February needs a leap year: look back until one fits.
            for (var year = today.Year; year > today.Year - 8; year--)
            {
                if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) <= today)
                {
                    return PartialDate.OfDay(year, month, day);
                }
            }

            return null;
        }
    }
}
