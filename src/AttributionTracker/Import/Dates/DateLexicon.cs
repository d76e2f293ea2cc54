using System.Globalization;
using System.Text;
using AttributionTracker.Domain;
using AttributionTracker.Import.Lexicon;

namespace AttributionTracker.Import.Dates;

/// <summary>
/// One language's date words from <c>Import/Lexicon/dates.json</c>, compiled so the scanner works on integer word
/// ids: every word the file names gets an id, and each role (month, weekday, trigger...) is an array indexed by id.
/// </summary>
internal sealed class DateLexicon
{
    public const int MaxWordLength = 32;

    // Declared before Languages: static fields initialise in order, and loading folds the lexicon's words.
    private static readonly char[] FoldTable = BuildFoldTable();

    private static readonly Dictionary<string, DateLexicon> Languages = Load();

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private DateLexicon(Builder b, DateLanguageJson json)
    {
        lookup = b.Ids.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in b.Ids.Keys)
        {
            var hash = HashSeed;
            foreach (var c in word)
            {
                hash = Hash(hash, c);
            }

            filter[(hash >> 6) & (FilterWords - 1)] |= 1UL << (int)(hash & 63);
        }

        NamesCapitalized = json.NamesCapitalized;
        NumericDayFirst = json.NumericDayFirst;
        var count = b.Ids.Count;
        Month = new int[count];
        MonthIsAbbreviation = new bool[count];
        Weekday = Enumerable.Repeat(-1, count).ToArray();
        Number = new int[count];
        Unit = new DateUnit?[count];
        Roles = new WordRole[count];
        Contraction = new (int, int)?[count];
        foreach (var (id, value) in b.Months)
        {
            Month[id] = value;
        }

        foreach (var (id, value) in b.Abbreviations)
        {
            Month[id] = value;
            MonthIsAbbreviation[id] = true;
        }

        foreach (var (id, value) in b.Weekdays)
        {
            Weekday[id] = value;
        }

        foreach (var (id, value) in b.Numbers)
        {
            Number[id] = value;
        }

        foreach (var (id, value) in b.Units)
        {
            Unit[id] = value;
        }

        foreach (var (id, role) in b.Roles)
        {
            Roles[id] |= role;
        }

        foreach (var (id, pair) in b.Contractions)
        {
            Contraction[id] = pair;
        }

        b.Parts.Freeze(count);
        b.Relative.Freeze(count);
        b.PartTargets.Freeze(count);
        b.Modifiers.Freeze(count);
        b.PostModifiers.Freeze(count);
        b.MonthPrefixes.Freeze(count);
        b.NotDates.Freeze(count);
        Parts = b.Parts;
        Relative = b.Relative;
        PartTargets = b.PartTargets;
        Modifiers = b.Modifiers;
        PostModifiers = b.PostModifiers;
        MonthPrefixes = b.MonthPrefixes;
        NotDates = b.NotDates;

        // A word can begin an expression only through one of these roles; every other token is skipped at once.
        CanStart = new bool[count];
        foreach (var id in Parts.FirstWords.Concat(Relative.FirstWords).Concat(Modifiers.FirstWords)
                     .Concat(MonthPrefixes.FirstWords).Concat(NotDates.FirstWords))
        {
            CanStart[id] = true;
        }

        for (var id = 0; id < count; id++)
        {
            CanStart[id] |= Month[id] > 0 || Weekday[id] >= 0 || Number[id] > 0
                || (Roles[id] & (WordRole.Locator | WordRole.Article | WordRole.AgoBefore)) != 0;
        }
    }

    public bool NamesCapitalized { get; }

    public bool NumericDayFirst { get; }

    /// <summary>Month number by word id, 0 when the word is not a month.</summary>
    public int[] Month { get; }

    public bool[] MonthIsAbbreviation { get; }

    /// <summary><see cref="DayOfWeek"/> by word id, -1 when the word is not a weekday.</summary>
    public int[] Weekday { get; }

    /// <summary>Value of a number word by id, 0 when the word is not one.</summary>
    public int[] Number { get; }

    public DateUnit?[] Unit { get; }

    public WordRole[] Roles { get; }

    /// <summary>The two words a contraction stands for ("del" = "de" + "el").</summary>
    public (int First, int Second)?[] Contraction { get; }

    public bool[] CanStart { get; }

    public PhraseSet<DatePart> Parts { get; }

    public PhraseSet<RelativeDate> Relative { get; }

    /// <summary>What may follow a part phrase: relative years and months plus "año", "the year".</summary>
    public PhraseSet<RelativeDate> PartTargets { get; }

    public PhraseSet<Direction> Modifiers { get; }

    public PhraseSet<Direction> PostModifiers { get; }

    public PhraseSet<bool> MonthPrefixes { get; }

    public PhraseSet<bool> NotDates { get; }

    public static DateLexicon For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        var code = (dash > 0 ? language[..dash] : language).ToLowerInvariant();
        return Languages.TryGetValue(code, out var lexicon)
            ? lexicon
            : throw new ArgumentException($"No date lexicon for language '{language}'; dates.json has {string.Join(", ", Languages.Keys)}.", nameof(language));
    }

    /// <summary>The id of a folded word, or -1.</summary>
    public int Lookup(ReadOnlySpan<char> folded) => lookup.TryGetValue(folded, out var id) ? id : -1;

    /// <summary>
    /// False when no lexicon word has this <see cref="Hash"/>: most words of an article are not date words, and this
    /// bit test spares them the dictionary lookup.
    /// </summary>
    public bool MightContain(uint hash) => (filter[(hash >> 6) & (FilterWords - 1)] & (1UL << (int)(hash & 63))) != 0;

    /// <summary>A running hash over folded characters, as the tokenizer computes it while folding.</summary>
    public static uint Hash(uint hash, char folded) => (hash ^ folded) * 16777619;

    public const uint HashSeed = 2166136261;

    private const int FilterWords = 128;

    private readonly ulong[] filter = new ulong[FilterWords];

    public bool Has(int id, WordRole role) => id >= 0 && (Roles[id] & role) != 0;

    /// <summary>Lower case without accents, one char in, at most one out ('\0' for a combining mark to drop).</summary>
    public static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        return c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x370];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                table[c] = '\0';
                continue;
            }

            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            table[c] = char.ToLowerInvariant(decomposed[0]);
        }

        return table;
    }

    private static string Fold(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormC))
        {
            var f = FoldChar(c);
            if (f != '\0')
            {
                sb.Append(f);
            }
        }

        return sb.ToString();
    }

    private static Dictionary<string, DateLexicon> Load()
    {
        var file = EmbeddedData.ReadLexicon<DatesJson>("dates.json");
        if (file.Languages is null || file.Languages.Count == 0)
        {
            throw new InvalidDataException("dates.json has no languages.");
        }

        return file.Languages.ToDictionary(
            pair => pair.Key.ToLowerInvariant(),
            pair => new Builder(pair.Key, pair.Value).Build(pair.Value),
            StringComparer.Ordinal);
    }

    private sealed class Builder
    {
        private readonly string language;

        public Builder(string language, DateLanguageJson json)
        {
            this.language = language;

            // Contractions first, so every later phrase that uses one is expanded the same way the text is.
            foreach (var (word, parts) in json.Contractions ?? [])
            {
                if (parts is not { Length: 2 })
                {
                    throw Invalid($"contraction '{word}' must stand for exactly two words");
                }

                Contractions.Add((SingleId(word, expand: false), (SingleId(parts[0]), SingleId(parts[1]))));
            }

            Months.AddRange(Named(json.Months, "months", 1, 12));
            Abbreviations.AddRange(Named(json.MonthAbbreviations, "monthAbbreviations", 1, 12));
            Weekdays.AddRange(Named(json.Weekdays, "weekdays", 0, 6));
            Numbers.AddRange(Named(json.Numbers, "numbers", 1, 999));
            foreach (var (word, unit) in json.Units ?? [])
            {
                Units.Add((SingleId(word), ParseUnit(unit, $"unit of '{word}'")));
            }

            AddRoles(json.OrdinalSuffixes, WordRole.OrdinalSuffix);
            AddRoles(json.AgoBefore, WordRole.AgoBefore);
            AddRoles(json.AgoAfter, WordRole.AgoAfter);
            AddRoles(json.AgoFillers, WordRole.AgoFiller);
            AddRoles(json.Locators, WordRole.Locator);
            AddRoles(json.Articles, WordRole.Article);
            AddRoles(json.YearTriggers, WordRole.YearTrigger);
            AddRoles(json.YearNouns, WordRole.YearNoun);
            AddRoles(json.NotYearBefore, WordRole.NotYearBefore);
            AddRoles(json.NotYearAfter, WordRole.NotYearAfter);
            AddRoles(json.Connectors, WordRole.Connector);
            AddRoles(json.Conjunctions, WordRole.Conjunction);
            AddRoles(json.WeekdayVeto, WordRole.WeekdayVeto);

            foreach (var (name, phrases) in json.Parts ?? [])
            {
                var part = name.ToLowerInvariant() switch
                {
                    "early" => DatePart.Early,
                    "mid" => DatePart.Mid,
                    "late" => DatePart.Late,
                    _ => throw Invalid($"part '{name}' is not early, mid or late"),
                };
                foreach (var phrase in phrases)
                {
                    Parts.Add(Phrase(phrase), part);
                }
            }

            foreach (var entry in json.Relative ?? [])
            {
                var unit = ParseUnit(entry.Unit, $"unit of '{entry.Phrase}'");
                var words = Phrase(entry.Phrase);
                var value = new RelativeDate(unit, entry.Offset, entry.AfterPart);
                if (!entry.AfterPart)
                {
                    Relative.Add(words, value);
                }

                if (unit != DateUnit.Day)
                {
                    PartTargets.Add(words, value);
                }
            }

            AddPhrases(Modifiers, json.Past, Direction.Before);
            AddPhrases(Modifiers, json.Next, Direction.After);
            AddPhrases(Modifiers, json.This, Direction.OnOrBefore);
            AddPhrases(PostModifiers, json.PastAfter, Direction.Before);
            AddPhrases(PostModifiers, json.NextAfter, Direction.After);
            AddPhrases(MonthPrefixes, json.MonthPrefixes, true);
            AddPhrases(NotDates, json.NotDates, true);
        }

        public Dictionary<string, int> Ids { get; } = new(StringComparer.Ordinal);

        public List<(int Id, int Value)> Months { get; } = [];

        public List<(int Id, int Value)> Abbreviations { get; } = [];

        public List<(int Id, int Value)> Weekdays { get; } = [];

        public List<(int Id, int Value)> Numbers { get; } = [];

        public List<(int Id, DateUnit Value)> Units { get; } = [];

        public List<(int Id, WordRole Role)> Roles { get; } = [];

        public List<(int Id, (int, int) Pair)> Contractions { get; } = [];

        public PhraseSet<DatePart> Parts { get; } = new();

        public PhraseSet<RelativeDate> Relative { get; } = new();

        public PhraseSet<RelativeDate> PartTargets { get; } = new();

        public PhraseSet<Direction> Modifiers { get; } = new();

        public PhraseSet<Direction> PostModifiers { get; } = new();

        public PhraseSet<bool> MonthPrefixes { get; } = new();

        public PhraseSet<bool> NotDates { get; } = new();

        public DateLexicon Build(DateLanguageJson json) => new(this, json);

        private List<(int, int)> Named(Dictionary<string, int>? names, string field, int min, int max)
        {
            var named = new List<(int, int)>();
            foreach (var (word, value) in names ?? [])
            {
                named.Add((SingleId(word), value >= min && value <= max ? value : throw Invalid($"{field} value {value} of '{word}' is not {min} to {max}")));
            }

            return named;
        }

        private void AddRoles(string[]? words, WordRole role)
        {
            foreach (var word in words ?? [])
            {
                Roles.Add((SingleId(word), role));
            }
        }

        private void AddPhrases<T>(PhraseSet<T> set, string[]? phrases, T value)
        {
            foreach (var phrase in phrases ?? [])
            {
                set.Add(Phrase(phrase), value);
            }
        }

        private int SingleId(string word, bool expand = true)
        {
            var ids = Phrase(word, expand);
            return ids.Length == 1 ? ids[0] : throw Invalid($"'{word}' must be a single word");
        }

        /// <summary>A phrase as word ids, registering new words; contractions expand as the tokenizer expands them.</summary>
        private int[] Phrase(string phrase, bool expand = true)
        {
            var ids = new List<int>();
            foreach (var raw in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = Fold(raw);
                if (word.Length is 0 or > MaxWordLength || !word.All(char.IsLetter))
                {
                    throw Invalid($"'{raw}' in '{phrase}' is not a word of 1 to {MaxWordLength} letters");
                }

                var id = Register(word);
                var contraction = expand ? Contractions.FindIndex(c => c.Id == id) : -1;
                if (contraction >= 0)
                {
                    ids.Add(Contractions[contraction].Pair.Item1);
                    ids.Add(Contractions[contraction].Pair.Item2);
                }
                else
                {
                    ids.Add(id);
                }
            }

            return ids.Count > 0 ? [.. ids] : throw Invalid("a phrase is empty");
        }

        private int Register(string folded)
        {
            if (!Ids.TryGetValue(folded, out var id))
            {
                id = Ids.Count;
                Ids.Add(folded, id);
            }

            return id;
        }

        private DateUnit ParseUnit(string? unit, string what) => unit?.ToLowerInvariant() switch
        {
            "year" => DateUnit.Year,
            "month" => DateUnit.Month,
            "day" => DateUnit.Day,
            _ => throw Invalid($"{what} is '{unit}', not year, month or day"),
        };

        private InvalidDataException Invalid(string problem) => new($"dates.json, language '{language}': {problem}.");
    }
}

/// <summary>What a word can do in a date expression; a word may have several roles ("de" connects and triggers).</summary>
[Flags]
internal enum WordRole
{
    None = 0,
    Locator = 1 << 0,
    Article = 1 << 1,
    YearTrigger = 1 << 2,
    YearNoun = 1 << 3,
    NotYearBefore = 1 << 4,
    NotYearAfter = 1 << 5,
    Connector = 1 << 6,
    Conjunction = 1 << 7,
    WeekdayVeto = 1 << 8,
    OrdinalSuffix = 1 << 9,
    AgoBefore = 1 << 10,
    AgoAfter = 1 << 11,
    AgoFiller = 1 << 12,
}

internal enum DateUnit
{
    Year,
    Month,
    Day,
}

/// <summary>Which occurrence a weekday or month without a year names, seen from the article date.</summary>
internal enum Direction
{
    OnOrBefore,
    Before,
    After,
}

internal readonly record struct RelativeDate(DateUnit Unit, int Offset, bool AfterPart);

/// <summary>Multi-word phrases indexed by their first word id; <see cref="Match"/> finds the longest one at a token.</summary>
internal sealed class PhraseSet<T>
{
    private readonly Dictionary<int, List<(int[] Words, T Value)>> building = [];

    private (int[] Words, T Value)[]?[] byFirst = [];

    public IEnumerable<int> FirstWords => building.Keys;

    public void Add(int[] words, T value)
    {
        if (!building.TryGetValue(words[0], out var list))
        {
            list = [];
            building.Add(words[0], list);
        }

        list.Add((words, value));
    }

    /// <summary>Turns the phrases into an array indexed by word id once every word has its id.</summary>
    public void Freeze(int wordCount)
    {
        byFirst = new (int[] Words, T Value)[]?[wordCount];
        foreach (var (first, list) in building)
        {
            byFirst[first] = [.. list.OrderByDescending(p => p.Words.Length)];
        }
    }

    /// <summary>The number of tokens the longest phrase starting at <paramref name="at"/> covers, or 0.</summary>
    public int Match(ReadOnlySpan<DateToken> tokens, int at, out T value)
    {
        value = default!;
        if ((uint)at >= (uint)tokens.Length || tokens[at].Kind != DateTokenKind.Word || tokens[at].Id < 0
            || byFirst[tokens[at].Id] is not { } phrases)
        {
            return 0;
        }

        // Longest first, so the first phrase that matches is the answer.
        foreach (var (words, candidate) in phrases)
        {
            if (at + words.Length > tokens.Length)
            {
                continue;
            }

            var all = true;
            for (var w = 1; w < words.Length && all; w++)
            {
                all = tokens[at + w].Kind == DateTokenKind.Word && tokens[at + w].Id == words[w];
            }

            if (all)
            {
                value = candidate;
                return words.Length;
            }
        }

        return 0;
    }
}

internal sealed record DatesJson(Dictionary<string, DateLanguageJson>? Languages);

internal sealed record DateLanguageJson(
    bool NamesCapitalized,
    bool NumericDayFirst,
    Dictionary<string, string[]>? Contractions,
    Dictionary<string, int>? Months,
    Dictionary<string, int>? MonthAbbreviations,
    Dictionary<string, int>? Weekdays,
    Dictionary<string, int>? Numbers,
    Dictionary<string, string>? Units,
    string[]? OrdinalSuffixes,
    Dictionary<string, string[]>? Parts,
    RelativeJson[]? Relative,
    string[]? Past,
    string[]? Next,
    string[]? This,
    string[]? PastAfter,
    string[]? NextAfter,
    string[]? MonthPrefixes,
    string[]? AgoBefore,
    string[]? AgoAfter,
    string[]? AgoFillers,
    string[]? Locators,
    string[]? Articles,
    string[]? YearTriggers,
    string[]? YearNouns,
    string[]? NotYearBefore,
    string[]? NotYearAfter,
    string[]? Connectors,
    string[]? Conjunctions,
    string[]? WeekdayVeto,
    string[]? NotDates);

internal sealed record RelativeJson(string Phrase, string Unit, int Offset, bool AfterPart);
