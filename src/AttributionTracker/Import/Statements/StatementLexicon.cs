using System.Text.Json;
using AttributionTracker.Domain;
using AttributionTracker.Import.Lexicon;
using AttributionTracker.Import.Text;

namespace AttributionTracker.Import.Statements;

public enum Cue : byte
{
    Attribution,
    Denial,
    Negation,
    Speech,

    /// <summary>A party adopting the attribution just reported: "followed suit", "se sumaron".</summary>
    Corroboration,

    /// <summary>Co-signers listed after it: "lleva la firma de Estados Unidos, Canadá…", "co-signed by".</summary>
    Cosigners,
}

/// <summary>The per-language word lists that drive statement, confidence and incident recognition (Import/Lexicon/*.json).</summary>
public sealed class StatementLexicon
{
    private static readonly Lazy<IReadOnlyDictionary<string, StatementLexicon>> Embedded = new(Load);

    private StatementLexicon(string language)
    {
        Language = language;
    }

    public string Language { get; }

    public PhraseMatcher<Cue> Cues { get; private init; } = null!;

    public PhraseMatcher<bool> Coordination { get; private init; } = null!;

    public HashSet<string> ClauseBreaks { get; private init; } = [];

    /// <summary>"responsible", "responsable": an attribution only shortly after a copula ("was almost certainly responsible").</summary>
    public PhraseMatcher<bool> Predicates { get; private init; } = null!;

    public HashSet<string> Copulas { get; private init; } = [];

    /// <summary>Nouns that match an attribution cue ("acusaciones") but report an accusation instead of making one.</summary>
    public HashSet<string> Nominal { get; private init; } = [];

    /// <summary>Words that open a relative clause when a comma comes just before them (", a group that…").</summary>
    public HashSet<string> RelativeBreaks { get; private init; } = [];

    public PhraseMatcher<(ConfidenceLevel Level, string Phrase)> Confidence { get; private init; } = null!;

    public PhraseMatcher<bool> IncidentHeads { get; private init; } = null!;

    public HashSet<string> IncidentStops { get; private init; } = [];

    public HashSet<string> ScaleUnits { get; private init; } = [];

    /// <summary>Words that make a "campaign" something other than a cyber operation ("de desprestigio", "smear").</summary>
    public HashSet<string> NotCyber { get; private init; } = [];

    public static StatementLexicon For(string language) =>
        Embedded.Value.TryGetValue(language, out var lexicon) ? lexicon : throw new ArgumentException($"No lexicon for language '{language}'.", nameof(language));

    private static IReadOnlyDictionary<string, StatementLexicon> Load()
    {
        var statements = EmbeddedData.ReadLexicon<Dictionary<string, JsonElement>>("statements.json");
        var confidence = EmbeddedData.ReadLexicon<Dictionary<string, JsonElement>>("confidence.json");
        var incidents = EmbeddedData.ReadLexicon<Dictionary<string, JsonElement>>("incidents.json");
        var result = new Dictionary<string, StatementLexicon>();
        foreach (var language in Languages.Supported)
        {
            var s = statements[language];
            var cues = new[] { ("attribution", Cue.Attribution), ("denial", Cue.Denial), ("negation", Cue.Negation), ("speech", Cue.Speech), ("corroboration", Cue.Corroboration), ("cosigners", Cue.Cosigners) }
                .SelectMany(c => Strings(s, c.Item1).Select(p => (p, c.Item2)));
            var levels = confidence[language].EnumerateObject().Select(p =>
                ConfidenceLevels.TryParseTerm(p.Value.GetString(), out var level)
                    ? (p.Name, (level, p.Name))
                    : throw new InvalidDataException($"confidence.json: '{p.Value}' is not a PHIA yardstick term."));
            var i = incidents[language];
            result[language] = new StatementLexicon(language)
            {
                Cues = new PhraseMatcher<Cue>(cues),
                Coordination = new PhraseMatcher<bool>(Strings(s, "coordination").Select(p => (p, true))),
                ClauseBreaks = Keys(Strings(s, "clauseBreaks")),
                RelativeBreaks = Keys(Strings(s, "relativeBreaks")),
                Predicates = new PhraseMatcher<bool>(Strings(s, "predicates").Select(p => (p, true))),
                Copulas = Keys(Strings(s, "copulas")),
                Nominal = Keys(Strings(s, "nominal")),
                Confidence = new PhraseMatcher<(ConfidenceLevel, string)>(levels),
                IncidentHeads = new PhraseMatcher<bool>(Strings(i, "heads").Select(p => (p, true))),
                IncidentStops = Keys(Strings(i, "stops")),
                ScaleUnits = Keys(Strings(i, "scaleUnits")),
                NotCyber = Keys(Strings(i, "notCyber")),
            };
        }

        return result;
    }

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).Where(s => !string.IsNullOrWhiteSpace(s));

    private static HashSet<string> Keys(IEnumerable<string> words) =>
        [.. words.Select(Tokenizer.KeyOf)];
}
