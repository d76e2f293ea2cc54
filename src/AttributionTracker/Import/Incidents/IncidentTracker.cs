using AttributionTracker.Domain;

namespace AttributionTracker.Import.Incidents;

/// <summary>An incident as the extractor builds it up over an article.</summary>
public sealed class IncidentDraft(int number, IncidentPhrase first)
{
    public string Id { get; } = "i" + number;

    public string Name { get; } = first.Name;

    public List<string> Aliases { get; } = [];

    public PartialDate? Date { get; set; } = first.Date;

    public HashSet<string> ProperKeys { get; } = [.. first.ProperKeys];

    public HashSet<string> ContentKeys { get; } = [.. first.ContentKeys];

    public HashSet<string> HeadKeys { get; } = [.. first.HeadKeys];

    public List<string> Victims { get; } = [.. first.Victims];

    public string? Scale { get; set; } = first.Scale;

    public List<int[]> Mentions { get; } = [[first.Start, first.End]];

    /// <summary>The last sentence that described it.</summary>
    public int LastSentence { get; set; } = -1;
}

/// <summary>
/// Groups incident descriptions across an article: one that shares a proper name with a known incident (Exchange,
/// SolarWinds), or two content words, or a victim and a content word, is the same incident; a bare "the attack"
/// is the one last talked about.
/// </summary>
public sealed class IncidentTracker
{
    private readonly List<IncidentDraft> incidents = [];

    public IReadOnlyList<IncidentDraft> Incidents => incidents;

    /// <summary>The incident the article is talking about now.</summary>
    public IncidentDraft? Current { get; private set; }

    /// <summary>The incident a description stands for; null for a bare "the attack" before any incident is known.</summary>
    public IncidentDraft? Resolve(IncidentPhrase phrase, int sentence)
    {
        if (phrase.IsGeneric)
        {
            Current?.Mentions.Add([phrase.Start, phrase.End]);
            return Current;
        }

        var match = incidents.FirstOrDefault(i => SameIncident(i, phrase, sentence));
        if (match is null)
        {
            match = new IncidentDraft(incidents.Count + 1, phrase);
            incidents.Add(match);
        }
        else
        {
            match.Mentions.Add([phrase.Start, phrase.End]);
            match.ProperKeys.UnionWith(phrase.ProperKeys);
            match.ContentKeys.UnionWith(phrase.ContentKeys);
            match.HeadKeys.UnionWith(phrase.HeadKeys);
            match.Victims.AddRange(phrase.Victims.Where(v => !match.Victims.Contains(v)));
            match.Date ??= phrase.Date;
            match.Scale ??= phrase.Scale;
            if (!string.Equals(match.Name, phrase.Name, StringComparison.OrdinalIgnoreCase) && !match.Aliases.Contains(phrase.Name, StringComparer.OrdinalIgnoreCase))
            {
                match.Aliases.Add(phrase.Name);
            }
        }

        match.LastSentence = sentence;
        Current = match;
        return match;
    }

    /// <summary>
    /// The accused actor's own operations, for a statement that names no incident when the article has described none
    /// before it ("acusaron al MSS de estar detrás de un grupo de ciberespionaje, conocido como APT40").
    /// </summary>
    public IncidentDraft ActivityOf(string actorName, string language, int start, int end)
    {
        var name = language == "es" ? $"Actividad de {actorName}" : $"{actorName} activity";
        var existing = incidents.FirstOrDefault(i => i.Name == name);
        if (existing is not null)
        {
            return existing;
        }

        // Proper keys are single tokens; "of" or "state" in "Ministry of State Security" must not join it to other incidents.
        var keys = Text.Tokenizer.Tokenize(actorName).Where(t => t.Shape != Text.TokenShape.Lower).Select(t => t.Key).ToHashSet();
        var activity = new IncidentDraft(incidents.Count + 1, new IncidentPhrase(0, 0, start, end, name, keys, new HashSet<string>(), [], null, null));
        incidents.Add(activity);
        return activity;
    }

    /// <summary>
    /// What the article is mainly about: the incident whose names recur most in the whole text ("NotPetya" counts
    /// even where no "attack" stands beside it), then the one described most often, then the first.
    /// </summary>
    public IncidentDraft? Main(IReadOnlyList<Text.Token> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            counts[token.Key] = counts.GetValueOrDefault(token.Key) + 1;
        }

        return incidents
            .OrderByDescending(i => i.ProperKeys.Sum(k => counts.GetValueOrDefault(k)))
            .ThenByDescending(i => i.Mentions.Count)
            .FirstOrDefault();
    }

    /// <summary>
    /// Two descriptions in one sentence that share a content word ("espiar a … las campañas electorales",
    /// "la campaña de Joe Biden") are one incident; across sentences it takes a proper name, or more.
    /// </summary>
    private static bool SameIncident(IncidentDraft incident, IncidentPhrase phrase, int sentence) =>
        incident.ProperKeys.Overlaps(phrase.ProperKeys)
        || (incident.LastSentence == sentence && incident.ContentKeys.Concat(incident.HeadKeys).Intersect(phrase.ContentKeys.Concat(phrase.HeadKeys)).Any())
        || incident.ContentKeys.Intersect(phrase.ContentKeys).Count() >= 2
        || (incident.Victims.Intersect(phrase.Victims).Any() && incident.ContentKeys.Overlaps(phrase.ContentKeys));
}
