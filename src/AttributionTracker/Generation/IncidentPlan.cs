using System.Globalization;
using AttributionTracker.Domain;

namespace AttributionTracker.Generation;

/// <summary>
/// The generated incidents: when each began (spread over 2000–2026, more in recent years), what kind it is, whom it
/// hit, which actor is really behind it (Zipf by actor rank: the top actor has thousands) and how many statements it
/// gets (heavy-tailed by rank: a few have hundreds, most a handful). Only the few facts statements need are held per
/// incident; the rest of each record is drawn again from its own random stream when it is written.
/// </summary>
public sealed class IncidentPlan
{
    /// <summary>Rank r gets statements in proportion to r^-0.55 over at least one each (see docs/benchmarks.md).</summary>
    public const double StatementExponent = 0.55;

    /// <summary>Rank r of the actors is behind incidents in proportion to 1/r.</summary>
    public const double ActorExponent = 1.0;

    public static readonly DateOnly FirstDay = new(2000, 1, 1);
    public static readonly DateOnly LastStart = new(2026, 9, 30);
    public static readonly DateOnly LastStatement = new(2026, 10, 31);

    private readonly Vocabulary words;
    private readonly Population population;
    private readonly int seed;
    private readonly WeightedChoice types;
    private readonly WeightedChoice actors;
    private readonly string[] victimStates;
    private readonly byte[] type;
    private readonly byte[] victim;
    private readonly short[] state;

    public IncidentPlan(Vocabulary words, Population population, GenerationOptions options, int firstId)
    {
        this.words = words;
        this.population = population;
        seed = options.Seed;
        FirstId = firstId;
        var n = options.Incidents;
        types = new WeightedChoice([.. words.IncidentTypes.Select(t => t.Weight)]);
        actors = WeightedChoice.Zipf(Math.Max(1, population.Actors.Count), ActorExponent);
        victimStates = [.. words.VictimStates.Where(population.States.ContainsKey)];
        if (victimStates.Length == 0)
        {
            victimStates = [.. population.States.Keys.Take(20)];
        }

        Start = Dates(Sampling.Stream(seed, 2), n);
        Actor = new int[n];
        type = new byte[n];
        victim = new byte[n];
        state = new short[n];
        for (var i = 0; i < n; i++)
        {
            Draw(i);
        }

        var counts = Sampling.Apportion(options.Statements, [.. Enumerable.Range(1, n).Select(r => Math.Pow(r, -StatementExponent))], n == 0 ? 0 : 1);
        Sampling.Shuffle(Sampling.Stream(seed, 3), counts);
        StatementCount = counts;
        FirstPosition = new long[n + 1];
        for (var i = 0; i < n; i++)
        {
            FirstPosition[i + 1] = FirstPosition[i] + counts[i];
        }
    }

    public int FirstId { get; }

    public int Count => Start.Length;

    /// <summary>The exact first day of each incident (its stored start may be less precise), in id order.</summary>
    public DateOnly[] Start { get; }

    /// <summary>Index in <see cref="Population.Actors"/> of the actor behind each incident.</summary>
    public int[] Actor { get; }

    public int[] StatementCount { get; }

    /// <summary>Position in the stream of all statements of each incident's first statement; the last entry is the total.</summary>
    public long[] FirstPosition { get; }

    /// <summary>The incident the statement at <paramref name="position"/> of the stream is about.</summary>
    public int IncidentAt(long position)
    {
        var i = Array.BinarySearch(FirstPosition, position);
        if (i < 0)
        {
            return ~i - 1;
        }

        // Several equal entries cannot occur (every incident has a statement), so an exact hit starts incident i.
        return i;
    }

    /// <summary>How a sentence names the incident ("the ransomware attack on the central bank of Chile").</summary>
    public string Mention(int i, string language) =>
        words.IncidentTypes[type[i]].Mentions[language].Replace("{victim}", Victim(i, language), StringComparison.Ordinal);

    public string Victim(int i, string language) =>
        words.Victims[victim[i]][language].Replace("{state}", words.InSentence(population.States[victimStates[state[i]]].Name(language), language), StringComparison.Ordinal);

    /// <summary>The incident records, with their Spanish names as aliases and their victims.</summary>
    public IEnumerable<(GeneratedTable Table, object?[] Values)> Rows(HashSet<string> takenSlugs, DateTime stamp)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var random = Draw(i);
            var kind = words.IncidentTypes[type[i]];
            var year = Start[i].Year.ToString(CultureInfo.InvariantCulture);
            var name = Unique(names, kind.Names[Languages.English].Replace("{victim}", Victim(i, Languages.English), StringComparison.Ordinal).Replace("{year}", year, StringComparison.Ordinal));
            var nameEs = kind.Names[Languages.Spanish].Replace("{victim}", Victim(i, Languages.Spanish), StringComparison.Ordinal).Replace("{year}", year, StringComparison.Ordinal);
            var stateCode = victimStates[state[i]];
            var summary = kind.Summary.Replace("{victim}", Victim(i, Languages.English), StringComparison.Ordinal)
                .Replace("{state}", population.States[stateCode].NameEn, StringComparison.Ordinal).Replace("{year}", year, StringComparison.Ordinal);
            var start = StartDate(random, Start[i]);
            PartialDate? end = null;
            if (start.Precision is DatePrecision.Day or DatePrecision.Month && random.NextDouble() < 0.25)
            {
                var last = Start[i].AddDays(40 + random.Next(460));
                last = last > LastStatement ? LastStatement : last;
                end = start.Precision == DatePrecision.Day ? PartialDate.OfDay(last) : PartialDate.OfMonth(last.Year, last.Month);
                end = end.Start > start.Start ? end : null;
            }

            var scale = random.NextDouble() < 0.3 ? words.Scales[random.Next(words.Scales.Count)] : null;
            var id = FirstId + i;
            yield return (GeneratedTables.Incidents, [
                id, name, SyntheticActors.Allocate(name, takenSlugs), summary, scale, kind.Type,
                start.Start, start.Precision.ToString(), end?.Start, end?.Precision.ToString(), stamp, stamp, StoreGenerator.ChangedBy, 1]);
            if (TextFolding.Key(nameEs) != TextFolding.Key(name))
            {
                yield return (GeneratedTables.IncidentAliases, [id, nameEs, TextFolding.Key(nameEs), Languages.Spanish]);
            }

            var victimName = Victim(i, Languages.English);
            victimName = victimName.StartsWith("the ", StringComparison.Ordinal) ? char.ToUpperInvariant(victimName[4]) + victimName[5..] : char.ToUpperInvariant(victimName[0]) + victimName[1..];
            yield return (GeneratedTables.IncidentVictims, [id, victimName, stateCode]);
        }
    }

    /// <summary>The incident's own random stream, after the draws its plan made (type, victim, actor).</summary>
    private Random Draw(int i)
    {
        var random = Sampling.Stream(seed, (1L << 40) + i);
        type[i] = (byte)types.Next(random);
        victim[i] = (byte)random.Next(words.Victims.Count);
        state[i] = (short)random.Next(victimStates.Length);
        Actor[i] = actors.Next(random);
        return random;
    }

    /// <summary>Start days over 2000–2026, each year weighing more than the one before (more is reported now), sorted.</summary>
    private static DateOnly[] Dates(Random random, int n)
    {
        var years = Enumerable.Range(FirstDay.Year, LastStart.Year - FirstDay.Year + 1).ToArray();
        var byYear = new WeightedChoice([.. years.Select(y => Math.Pow(y - FirstDay.Year + 1, 1.5))]);
        var days = new DateOnly[n];
        for (var i = 0; i < n; i++)
        {
            var year = years[byYear.Next(random)];
            var first = new DateOnly(year, 1, 1);
            var last = year == LastStart.Year ? LastStart : new DateOnly(year, 12, 31);
            days[i] = first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
        }

        Array.Sort(days);
        return days;
    }

    /// <summary>What a source would have said of when it began: mostly a day or a month, sometimes only a year or part of one.</summary>
    private static PartialDate StartDate(Random random, DateOnly day)
    {
        var x = random.NextDouble();
        return x switch
        {
            < 0.45 => PartialDate.OfDay(day),
            < 0.70 => PartialDate.OfMonth(day.Year, day.Month),
            < 0.76 => PartialDate.OfMonth(day.Year, day.Month).Part(day.Day <= 10 ? DatePart.Early : day.Day <= 20 ? DatePart.Mid : DatePart.Late),
            < 0.88 => PartialDate.OfYear(day.Year).Part(day.Month <= 4 ? DatePart.Early : day.Month <= 8 ? DatePart.Mid : DatePart.Late),
            _ => PartialDate.OfYear(day.Year),
        };
    }

    private static string Unique(Dictionary<string, int> names, string name)
    {
        if (!names.TryGetValue(name, out var seen))
        {
            names[name] = 1;
            return name;
        }

        names[name] = seen + 1;
        return $"{name} ({(seen + 1).ToString(CultureInfo.InvariantCulture)})";
    }
}
