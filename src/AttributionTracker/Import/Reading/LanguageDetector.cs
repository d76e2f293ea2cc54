using System.Globalization;
using System.Numerics;
using AttributionTracker.Import.Lexicon;

namespace AttributionTracker.Import.Reading;

/// <summary>
/// Tells English from Spanish, and both from the other languages news arrives in, by counting frequent function
/// words from <c>Import/Lexicon/stopwords.json</c>. A word only one language uses ("the", "los", "não") counts in
/// full; a word several share ("de", "la", "que") counts a little, split between them, so that Spanish, rich in
/// words French and Portuguese also use, is not crowded by them.
/// </summary>
public static class LanguageDetector
{
    // Below this score a text is too short to judge: about one sentence.
    private const double MinimumScore = 3;

    // What a shared word is worth, before it is split between the languages that share it. Measured on the test
    // corpus: at 1 the shared words made French the close runner-up of every Spanish paragraph; at 0 a short
    // Spanish paragraph could hold too few words of its own to judge.
    private const double SharedWordWeight = 0.25;

    // The winner must score at least this many times the runner-up: Spanish and Portuguese share enough words
    // that a narrower lead is a guess.
    private const double MinimumLead = 2;

    // Function words are dense: the opening of a long file is as telling as the whole of it.
    private const int MaxCharsScanned = 20_000;

    private static readonly StopWords Words = StopWords.Load();

    /// <summary>
    /// The language <paramref name="text"/> is written in ("en", "es", or another code from the stop-word file),
    /// or null when there is too little text or no clear winner. Confidence is the winner's share of the top two
    /// scores: 0.5 a tie, 1 no rival at all.
    /// </summary>
    public static (string? Language, double Confidence) Detect(string text)
    {
        var guess = Guess(text);
        return (guess.Language, guess.Confidence);
    }

    /// <summary>The English name of a language code from the stop-word file, for messages ("fr" → "French").</summary>
    public static string NameOf(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    internal static LanguageGuess Guess(string text)
    {
        Span<double> scores = stackalloc double[Words.Languages.Length];
        var lookup = Words.Lookup;
        var s = text.AsSpan(0, Math.Min(text.Length, MaxCharsScanned));
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsLetter(s[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && char.IsLetter(s[i]))
            {
                i++;
            }

            if (lookup.TryGetValue(s[start..i], out var mask))
            {
                var languages = BitOperations.PopCount((uint)mask);
                var weight = languages == 1 ? 1 : SharedWordWeight / languages;
                for (var bits = mask; bits != 0; bits &= bits - 1)
                {
                    scores[BitOperations.TrailingZeroCount(bits)] += weight;
                }
            }
        }

        int best = 0, second = -1;
        for (var l = 1; l < scores.Length; l++)
        {
            if (scores[l] > scores[best])
            {
                second = best;
                best = l;
            }
            else if (second < 0 || scores[l] > scores[second])
            {
                second = l;
            }
        }

        var top = scores[best];
        var runnerUp = second >= 0 ? scores[second] : 0;
        var confidence = top <= 0 ? 0 : top / (top + runnerUp);
        var clear = top >= MinimumScore && top >= MinimumLead * runnerUp;
        return new LanguageGuess(
            clear ? Words.Languages[best] : null,
            confidence,
            top > 0 ? Words.Languages[best] : null,
            runnerUp > 0 ? Words.Languages[second] : null,
            top >= MinimumScore);
    }

    private sealed class StopWords(string[] languages, Dictionary<string, int> masks)
    {
        public string[] Languages { get; } = languages;

        /// <summary>Word → bit set of the languages (by index in <see cref="Languages"/>) that use it.</summary>
        public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = masks.GetAlternateLookup<ReadOnlySpan<char>>();

        public static StopWords Load()
        {
            var lists = EmbeddedData.ReadLexicon<Dictionary<string, string[]>>("stopwords.json");
            if (lists.Count is 0 or > 31)
            {
                throw new InvalidDataException($"stopwords.json lists {lists.Count} languages; the detector handles 1 to 31.");
            }

            var languages = lists.Keys.ToArray();
            var masks = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var l = 0; l < languages.Length; l++)
            {
                foreach (var word in lists[languages[l]])
                {
                    masks[word] = masks.GetValueOrDefault(word) | (1 << l);
                }
            }

            return new StopWords(languages, masks);
        }
    }
}

/// <param name="Language">The clear winner, or null.</param>
/// <param name="Best">The top scorer even when it did not win clearly.</param>
/// <param name="RunnerUp">The second scorer, if it scored at all.</param>
/// <param name="Enough">Whether there were enough stop words to judge at all.</param>
internal readonly record struct LanguageGuess(string? Language, double Confidence, string? Best, string? RunnerUp, bool Enough);
