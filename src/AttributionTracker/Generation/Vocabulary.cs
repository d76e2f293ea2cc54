using System.Text;
using System.Text.Json;
using AttributionTracker.Data.Seeding;

namespace AttributionTracker.Generation;

/// <summary>
/// The words and templates the generator writes with (<c>Generation/vocabulary.json</c>, compiled into the assembly):
/// English and Spanish sentence templates per statement kind, confidence wordings, incident types, victims,
/// publishers. Strings are normalised to NFC once here, so generated text is already in its stored form.
/// </summary>
public sealed record Vocabulary(
    List<Weighted<string>> Languages,
    List<Weighted<string>> SponsorStates,
    List<string> DenyingStates,
    List<string> AccuserStates,
    List<string> VictimStates,
    ActorNameWords ActorNames,
    List<IncidentTypeWords> IncidentTypes,
    List<Dictionary<string, string>> Victims,
    List<string> Scales,
    Dictionary<string, List<List<string>>> Contractions,
    Dictionary<string, List<ArticleRule>> Articles,
    Dictionary<string, string> GovernmentName,
    Dictionary<string, AccusedForms> AccusedForms,
    Dictionary<string, List<ConfidenceWording>> Confidence,
    Dictionary<string, Dictionary<string, List<string>>> Statements,
    List<KindWeight> Kinds,
    Dictionary<string, List<string>> Filler,
    Dictionary<string, List<string>> Titles,
    Dictionary<string, string> RoundupTitles,
    Dictionary<string, string> Dateline,
    List<Publisher> Publishers,
    Dictionary<string, List<string>> Months,
    Dictionary<string, string> DateFormat)
{
    private const string ResourceName = "AttributionTracker.Generation.vocabulary.json";

    public static Vocabulary Load()
    {
        using var stream = typeof(Vocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new FileNotFoundException($"Embedded data file {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var json = reader.ReadToEnd().Normalize(NormalizationForm.FormC);
        return JsonSerializer.Deserialize<Vocabulary>(json, ReferenceJson.Options) ?? throw new InvalidDataException($"{ResourceName} is empty.");
    }

    public List<string> StatementTemplates(string group, string language) => Statements[group][language];

    /// <summary>The name as a sentence gives it: "the Department of Justice", "la Agencia de Seguridad Nacional", "Microsoft".</summary>
    public string InSentence(string name, string language)
    {
        if (!Articles.TryGetValue(language, out var rules))
        {
            return name;
        }

        var first = name.Split(' ', 2)[0].TrimEnd(',', ':');
        return rules.FirstOrDefault(r => r.Words.Contains(first, StringComparer.Ordinal)) is { } rule ? rule.Article + " " + name : name;
    }
}

/// <summary>Names whose first word is one of <see cref="Words"/> take <see cref="Article"/> in a sentence.</summary>
public sealed record ArticleRule(string Article, List<string> Words);

public sealed record Weighted<T>(T Code, double Weight);

public sealed record KindWeight(string Kind, double Weight);

public sealed record ActorNameWords(List<Dictionary<string, string>> Words, List<Dictionary<string, string>> Animals, List<string> VendorSuffixes, List<string> CodePrefixes);

public sealed record IncidentTypeWords(string Type, double Weight, Dictionary<string, string> Names, Dictionary<string, string> Mentions, string Summary);

public sealed record AccusedForms(string Actor, string ActorState, string State);

public sealed record ConfidenceWording(string Level, string Wording, double Weight);

public sealed record Publisher(string Name, string Domain, string Language, string City, double Weight);
