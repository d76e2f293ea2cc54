namespace AttributionTracker.Import.Dates;

/// <summary>
/// Finds and resolves date expressions in English and Spanish article text, with the words of
/// <c>Import/Lexicon/dates.json</c>. A token scan rather than regular expressions: one pass, a bounded look-ahead
/// per token, no allocation per word, so hostile input costs what ordinary input costs.
/// </summary>
public static class DateExpressions
{
    /// <summary>
    /// Every date expression in <c>text[start..end)</c> in the given language ("en"/"es"), in text order, resolved
    /// against the article's date where relative; a relative expression is skipped when <paramref name="reference"/>
    /// is null. Where expressions overlap only the longest is returned ("a principios de este año", not "este año").
    /// </summary>
    /// <remarks>
    /// A bare four-digit number is a year only in a date context ("in 2020", "de 2020", "the 2020 attack") and between
    /// 1990 and the reference year + 1 (the current year + 1 without a reference). "in", "on", "en" and the article
    /// "el" before an expression belong to it; words that change its meaning ("since", "desde", "until") do not, so a
    /// caller can read them just before <see cref="DateMention.Start"/>.
    /// </remarks>
    public static IReadOnlyList<DateMention> Find(string text, int start, int end, string language, DateOnly? reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var lexicon = DateLexicon.For(language);

        var buffer = DateTokenizer.Rent(end - start);
        try
        {
            var count = DateTokenizer.Tokenize(text, start, end, lexicon, ref buffer);
            var tokens = buffer.AsSpan(0, count);
            var found = new List<DateCandidate>();
            var maxBareYear = (reference?.Year ?? DateTime.UtcNow.Year) + 1;
            new DateParser(tokens, lexicon, maxBareYear, found).Scan();
            if (found.Count == 0)
            {
                return [];
            }

            var mentions = new List<DateMention>(found.Count);
            foreach (var candidate in found)
            {
                if (candidate.Spec.Resolve(reference) is { } date)
                {
                    mentions.Add(new DateMention(tokens[candidate.First].Start, tokens[candidate.End - 1].End, date, candidate.Spec.IsRelative));
                }
            }

            return mentions;
        }
        finally
        {
            DateTokenizer.Return(buffer);
        }
    }
}
