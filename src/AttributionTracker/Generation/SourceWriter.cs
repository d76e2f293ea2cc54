using System.Globalization;
using System.Text;
using AttributionTracker.Domain;

namespace AttributionTracker.Generation;

/// <summary>
/// Cuts the stream of all statements (incident by incident, oldest incident first) into sources and writes each
/// source: a news article in English or Spanish whose paragraphs are its statements' sentences, with filler between
/// them. Every statement quotes one sentence of its source, and its span is where that sentence stands in the text.
/// Each source is built from its own random stream, so any source can be built again alone and comes out the same.
/// </summary>
public sealed class SourceWriter
{
    /// <summary>Statements a party makes with a co-signer ("X and Y jointly accused...").</summary>
    private const double JointShare = 0.08;

    private const double ConfidenceShare = 0.55;

    private readonly Vocabulary words;
    private readonly Population population;
    private readonly IncidentPlan incidents;
    private readonly int seed;
    private readonly int firstStatementId;
    private readonly long[] firstPosition;
    private readonly WeightedChoice languages;
    private readonly WeightedChoice accusers;
    private readonly WeightedChoice otherActors;
    private readonly WeightedChoice kinds;
    private readonly Dictionary<string, (Publisher[] List, WeightedChoice Choice)> publishers;
    private readonly Dictionary<string, WeightedChoice> confidence;
    private readonly Dictionary<(int, string), string> partyNames = [];
    private readonly Dictionary<int, GenParty> parties;

    public SourceWriter(Vocabulary words, Population population, IncidentPlan incidents, GenerationOptions options, int firstSourceId, int firstStatementId)
    {
        this.words = words;
        this.population = population;
        this.incidents = incidents;
        seed = options.Seed;
        FirstId = firstSourceId;
        this.firstStatementId = firstStatementId;
        languages = new WeightedChoice([.. words.Languages.Select(l => l.Weight)]);
        accusers = WeightedChoice.Zipf(Math.Max(1, population.Accusers.Count), 1.1);
        otherActors = WeightedChoice.Zipf(Math.Max(1, population.Actors.Count), IncidentPlan.ActorExponent);
        kinds = new WeightedChoice([.. words.Kinds.Select(k => k.Weight)]);
        publishers = words.Languages.ToDictionary(l => l.Code, l =>
        {
            var list = words.Publishers.Where(p => p.Language == l.Code).ToArray();
            return (list, new WeightedChoice([.. list.Select(p => p.Weight)]));
        });
        parties = population.Accusers.Concat(population.Deniers.Values.SelectMany(d => d)).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        confidence = words.Confidence.ToDictionary(c => c.Key, c => new WeightedChoice([.. c.Value.Select(w => w.Weight)]));

        // Sizes vary (exponential weights): most sources quote a few statements, some dozens.
        var random = Sampling.Stream(seed, 4);
        var sizes = Sampling.Apportion(options.Statements, [.. Enumerable.Range(0, options.Sources).Select(_ => -Math.Log(1 - random.NextDouble()))], options.Sources == 0 ? 0 : 1);
        firstPosition = new long[sizes.Length + 1];
        for (var k = 0; k < sizes.Length; k++)
        {
            firstPosition[k + 1] = firstPosition[k] + sizes[k];
        }
    }

    public int FirstId { get; }

    public int Count => firstPosition.Length - 1;

    /// <summary>Every source with its statements, their parties and answers, one source at a time.</summary>
    public IEnumerable<(GeneratedTable Table, object?[] Values)> Rows()
    {
        for (var k = 0; k < Count; k++)
        {
            foreach (var row in Build(k).Rows(seed))
            {
                yield return row;
            }
        }
    }

    /// <summary>Source <paramref name="k"/> (0-based), built from its own random stream.</summary>
    public GeneratedSource Build(int k)
    {
        var random = Sampling.Stream(seed, (2L << 40) + k);
        var language = words.Languages[languages.Next(random)].Code;
        var (list, choice) = publishers[language];
        var publisher = list[choice.Next(random)];
        var statements = new List<GeneratedStatement>();
        var text = new StringBuilder(4096);
        var paragraphs = new List<string>();
        var body = new StringBuilder(4096);
        var latest = IncidentPlan.FirstDay;
        for (var p = firstPosition[k]; p < firstPosition[k + 1]; p++)
        {
            var statement = Statement(random, language, p, statements);
            statements.Add(statement);
            latest = statement.Day > latest ? statement.Day : latest;
        }

        var published = latest.AddDays(random.Next(3));
        var id = FirstId + k;
        var title = Title(random, language, statements, published);
        var dateline = words.Dateline[language].Replace("{city}", publisher.City, StringComparison.Ordinal)
            .Replace("{date}", LongDate(published, language), StringComparison.Ordinal)
            .Replace("{publisher}", publisher.Name, StringComparison.Ordinal)
            .Replace("{ref}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        text.Append(title).Append("\n\n").Append(dateline);
        var filler = words.Filler[language];
        foreach (var statement in statements)
        {
            text.Append("\n\n");
            if (random.NextDouble() < 0.35)
            {
                text.Append(filler[random.Next(filler.Count)]).Append(' ');
            }

            statement.SpanStart = text.Length;
            text.Append(statement.Quote);
            statement.SpanEnd = text.Length;
        }

        text.Append("\n\n").Append(filler[random.Next(filler.Count)]);
        var slug = Slug.From(title).Value;
        slug = slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
        var url = $"https://{publisher.Domain}/{published:yyyy/MM}/{slug}-{id.ToString(CultureInfo.InvariantCulture)}";
        return new GeneratedSource(id, title, publisher.Name, url, language, text.ToString(), published, statements);
    }

    private GeneratedStatement Statement(Random random, string language, long position, List<GeneratedStatement> earlier)
    {
        var i = incidents.IncidentAt(position);
        var j = position - incidents.FirstPosition[i];
        var count = incidents.StatementCount[i];
        var actor = population.Actors[incidents.Actor[i]];

        // Statements on one incident follow one another over a span that grows with how much is said about it.
        var spread = Math.Min(20 + (3 * count), 3000);
        var day = incidents.Start[i].AddDays((int)(spread * j / count) + random.Next(3));
        day = day > IncidentPlan.LastStatement ? IncidentPlan.LastStatement : day;

        var kind = words.Kinds[kinds.Next(random)].Kind;
        var id = firstStatementId + (int)position;
        var statement = new GeneratedStatement(id, incidents.FirstId + i, i, day, StatementDate(random, day), language);
        var incident = incidents.Mention(i, language);
        if (kind == nameof(StatementKind.Denial) && actor.Sponsor is { } sponsor && population.Deniers.TryGetValue(sponsor, out var deniers))
        {
            var denier = deniers[random.Next(deniers.Count)];
            statement.Kind = nameof(StatementKind.Denial);
            statement.Parties.Add(denier.Id);
            statement.Quote = Fill(random, "Denial", language, PartyName(denier, language), null, null, incident, null);
            var answered = earlier.LastOrDefault(s => s.Kind == nameof(StatementKind.Attribution) && s.IncidentIndex == i
                && (s.AccusedState == sponsor || (s.AccusedActor is { } a && population.Actors[a].Sponsor == sponsor)));
            if (answered is not null)
            {
                statement.Answers.Add(answered.Id);
            }

            return statement;
        }

        statement.Kind = kind == nameof(StatementKind.Denial) ? nameof(StatementKind.Attribution) : kind;
        var accusedIndex = random.NextDouble() < 0.10 ? otherActors.Next(random) : incidents.Actor[i];
        var accused = population.Actors[accusedIndex];
        var form = words.AccusedForms[language];
        var names = accused.Names(language);
        var actorName = random.NextDouble() < 0.75 ? accused.Name : names[random.Next(names.Count)];
        string accusedText;
        if (accused.Sponsor is { } state && population.States.TryGetValue(state, out var st) && random.NextDouble() < 0.5)
        {
            statement.AccusedState = state;
            if (random.NextDouble() < 0.25)
            {
                accusedText = form.State.Replace("{state}", words.InSentence(st.Name(language), language), StringComparison.Ordinal);
            }
            else
            {
                statement.AccusedActor = accusedIndex;
                statement.AccusedActorId = accused.Id;
                accusedText = form.ActorState.Replace("{actor}", actorName, StringComparison.Ordinal).Replace("{state}", words.InSentence(st.Name(language), language), StringComparison.Ordinal);
            }
        }
        else
        {
            statement.AccusedActor = accusedIndex;
                statement.AccusedActorId = accused.Id;
            accusedText = form.Actor.Replace("{actor}", actorName, StringComparison.Ordinal);
        }

        var party = population.Accusers[accusers.Next(random)];
        statement.Parties.Add(party.Id);
        var group = statement.Kind;
        GenParty? coparty = null;
        ConfidenceWording? wording = null;
        if (statement.Kind == nameof(StatementKind.Attribution))
        {
            var x = random.NextDouble();
            if (x < JointShare && population.Accusers.Count > 1)
            {
                coparty = population.Accusers[accusers.Next(random)];
                for (var tries = 0; coparty.Id == party.Id && tries < 8; tries++)
                {
                    coparty = population.Accusers[random.Next(population.Accusers.Count)];
                }

                if (coparty.Id == party.Id)
                {
                    coparty = null;
                }
                else
                {
                    statement.Parties.Add(coparty.Id);
                    group = "JointAttribution";
                }
            }
            else if (x < JointShare + ConfidenceShare)
            {
                var options = words.Confidence[language];
                wording = options[confidence[language].Next(random)];
                group = "AttributionWithConfidence";
            }
        }

        statement.Quote = Fill(random, group, language, PartyName(party, language), coparty is null ? null : PartyName(coparty, language), accusedText, incident, wording?.Wording);
        if (wording is not null && ConfidenceLevels.TryParseTerm(wording.Level, out var level))
        {
            statement.Confidence = (int)level;
            statement.ConfidenceWording = wording.Wording;
        }

        return statement;
    }

    private string PartyName(GenParty party, string language)
    {
        if (!partyNames.TryGetValue((party.Id, language), out var name))
        {
            name = words.InSentence(party.Display(language), language);
            partyNames[(party.Id, language)] = name;
        }

        return name;
    }

    private string Fill(Random random, string group, string language, string party, string? coparty, string? accused, string incident, string? confidenceWording)
    {
        var templates = words.StatementTemplates(group, language);
        var sentence = new StringBuilder(templates[random.Next(templates.Count)])
            .Replace("{party}", party).Replace("{coparty}", coparty).Replace("{accused}", accused)
            .Replace("{incident}", incident).Replace("{confidence}", confidenceWording).ToString();
        if (words.Contractions.TryGetValue(language, out var contractions))
        {
            foreach (var pair in contractions)
            {
                sentence = sentence.Replace(pair[0], pair[1], StringComparison.Ordinal);
            }
        }

        // A sentence begins with a capital even when it begins with a name such as "the government of...".
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    private string Title(Random random, string language, List<GeneratedStatement> statements, DateOnly published)
    {
        var distinct = statements.Select(s => s.IncidentIndex).Distinct().Count();
        if (distinct > 1)
        {
            return words.RoundupTitles[language].Replace("{n}", distinct.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{date}", LongDate(published, language), StringComparison.Ordinal);
        }

        var first = statements[0];
        var templates = words.Titles[language];
        var incident = incidents.Mention(first.IncidentIndex, language);
        var accused = first.AccusedActor is { } a ? population.Actors[a].Name
            : first.AccusedState is { } s ? population.States[s].Name(language)
            : population.Actors[incidents.Actor[first.IncidentIndex]].Name;
        var party = PartyName(parties[first.Parties[0]], language);
        var title = new StringBuilder(templates[random.Next(templates.Count)])
            .Replace("{party}", party).Replace("{accused}", accused).Replace("{incident}", incident).ToString();
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    private string LongDate(DateOnly day, string language) =>
        words.DateFormat[language].Replace("{day}", day.Day.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", words.Months[language][day.Month - 1], StringComparison.Ordinal)
            .Replace("{year}", day.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Mostly the day; sometimes only the month, part of it, or the year, as sources often give no more.</summary>
    private static PartialDate StatementDate(Random random, DateOnly day) => random.NextDouble() switch
    {
        < 0.80 => PartialDate.OfDay(day),
        < 0.90 => PartialDate.OfMonth(day.Year, day.Month),
        < 0.94 => PartialDate.OfMonth(day.Year, day.Month).Part(day.Day <= 10 ? DatePart.Early : day.Day <= 20 ? DatePart.Mid : DatePart.Late),
        < 0.98 => PartialDate.OfYear(day.Year),
        _ => PartialDate.OfYear(day.Year).Part(day.Month <= 4 ? DatePart.Early : day.Month <= 8 ? DatePart.Mid : DatePart.Late),
    };
}
