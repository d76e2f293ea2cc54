using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AttributionTracker.Import;

namespace AttributionTracker.Tests.Import;

/// <summary>
/// A gold file (*.expected.json) and how an extraction measures up to it — the same matching rules as
/// ../shared/tools/score_extraction.py: a party matches by state code or by name; the accused by actor name or alias,
/// or by state; an incident by keyword.
/// </summary>
public sealed record ExpectedFacts(string File, string Language, string? Published, List<ExpectedActor> Actors, List<ExpectedAttribution> Attributions, List<ExpectedDenial> Denials)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ExpectedFacts Load(string path) =>
        JsonSerializer.Deserialize<ExpectedFacts>(System.IO.File.ReadAllText(path), Options) ?? throw new InvalidDataException(path);

    public Score ScoreOf(Extraction x)
    {
        var attributions = x.Statements.Where(s => s.Kind == "attribution").ToList();
        var denials = x.Statements.Where(s => s.Kind == "denial").ToList();
        var missed = new List<string>();
        int hit = 0, incident = 0, confidence = 0, confidenceWanted = 0;
        foreach (var gold in Attributions)
        {
            var matches = attributions.Where(s => PartyMatches(gold.By, x, s.Party) && AccusedMatches(gold, x, s)).ToList();
            if (matches.Count == 0)
            {
                missed.Add($"attribution by {gold.By} of {gold.AccusedState ?? string.Join('/', gold.ActorAny)}");
                continue;
            }

            hit++;
            if (matches.Any(s => IncidentMatches(gold.IncidentAny, x, s.Incident)))
            {
                incident++;
            }
            else
            {
                missed.Add($"incident [{string.Join(", ", gold.IncidentAny)}] of attribution by {gold.By}");
            }

            if (gold.Confidence is not null)
            {
                confidenceWanted++;
                if (matches.Any(s => s.Confidence == gold.Confidence))
                {
                    confidence++;
                }
                else
                {
                    missed.Add($"confidence {gold.Confidence} of attribution by {gold.By}");
                }
            }
        }

        var spurious = attributions.Where(s => !Attributions.Any(g => PartyMatches(g.By, x, s.Party) && AccusedMatches(g, x, s)))
            .Select(s => $"{x.Parties.Single(p => p.Id == s.Party).Name} → {Accused(x, s)}: {s.Quote[..Math.Min(80, s.Quote.Length)]}").ToList();
        var deniedHit = Denials.Count(g => denials.Any(s => PartyMatches(g.By, x, s.Party)));
        missed.AddRange(Denials.Where(g => !denials.Any(s => PartyMatches(g.By, x, s.Party))).Select(g => $"denial by {g.By}"));
        var actorsHit = Actors.Count(g => x.Actors.Any(a => NamesOf(a).Overlaps(g.Any.Select(Norm))));
        missed.AddRange(Actors.Where(g => !x.Actors.Any(a => NamesOf(a).Overlaps(g.Any.Select(Norm)))).Select(g => $"actor {g.Any[0]}"));
        return new Score(Attributions.Count, hit, attributions.Count, attributions.Count - spurious.Count, incident, confidenceWanted, confidence,
            Denials.Count, deniedHit, Actors.Count, actorsHit, missed, spurious);
    }

    private static string Accused(Extraction x, ExtractedStatement s) =>
        string.Join(" / ", new[] { x.Actors.SingleOrDefault(a => a.Id == s.Actor)?.Name, s.State }.Where(n => n is not null));

    private static bool PartyMatches(string by, Extraction x, string partyId)
    {
        var party = x.Parties.Single(p => p.Id == partyId);
        if (by.Length == 2 && by.All(char.IsUpper))
        {
            return string.Equals(party.State, by, StringComparison.OrdinalIgnoreCase);
        }

        return party.Aliases.Prepend(party.Name).Any(n => Norm(n).Contains(Norm(by), StringComparison.Ordinal) || Norm(n) == Norm(by));
    }

    private static bool AccusedMatches(ExpectedAttribution gold, Extraction x, ExtractedStatement s)
    {
        var actor = x.Actors.SingleOrDefault(a => a.Id == s.Actor);
        if (gold.ActorAny.Count > 0 && actor is not null && NamesOf(actor).Overlaps(gold.ActorAny.Select(Norm)))
        {
            return true;
        }

        var state = s.State ?? actor?.State;
        return gold.AccusedState is not null && string.Equals(state, gold.AccusedState, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IncidentMatches(List<string> keys, Extraction x, string? incidentId)
    {
        if (keys.Count == 0)
        {
            return true;
        }

        var incident = x.Incidents.SingleOrDefault(i => i.Id == incidentId);
        if (incident is null)
        {
            return false;
        }

        var text = Norm(string.Join(' ', incident.Aliases.Prepend(incident.Name)));
        return keys.Any(k => text.Contains(Norm(k), StringComparison.Ordinal));
    }

    private static HashSet<string> NamesOf(ExtractedActor actor) => [.. actor.Aliases.Prepend(actor.Name).Select(Norm)];

    private static string Norm(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormKD);
        var ascii = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (c < 128 && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                ascii.Append(char.ToLowerInvariant(c));
            }
        }

        return string.Join(' ', ascii.ToString().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

public sealed record ExpectedActor(List<string> Any, string? State);

public sealed record ExpectedAttribution(
    string By,
    [property: JsonPropertyName("accused_state")] string? AccusedState,
    [property: JsonPropertyName("actor_any")] List<string> ActorAny,
    [property: JsonPropertyName("incident_any")] List<string> IncidentAny,
    string? Confidence);

public sealed record ExpectedDenial(string By, [property: JsonPropertyName("incident_any")] List<string>? IncidentAny);

/// <summary>Counts as the scorer reports them; <see cref="Missed"/> and <see cref="Spurious"/> say what to fix.</summary>
public sealed record Score(
    int Attributions, int AttributionsFound, int Predicted, int PredictedCorrect, int IncidentsFound, int ConfidencesWanted, int ConfidencesFound,
    int Denials, int DenialsFound, int Actors, int ActorsFound, List<string> Missed, List<string> Spurious)
{
    public override string ToString() =>
        $"attributions {AttributionsFound}/{Attributions}, precision {PredictedCorrect}/{Predicted}, incidents {IncidentsFound}/{Attributions}, " +
        $"confidence {ConfidencesFound}/{ConfidencesWanted}, denials {DenialsFound}/{Denials}, actors {ActorsFound}/{Actors}" +
        (Missed.Count > 0 ? "\n  missed: " + string.Join("\n  missed: ", Missed) : "") +
        (Spurious.Count > 0 ? "\n  spurious: " + string.Join("\n  spurious: ", Spurious) : "");
}
