using AttributionTracker.Domain;
using AttributionTracker.Import.Incidents;
using AttributionTracker.Import.Mentions;
using AttributionTracker.Import.Statements;

namespace AttributionTracker.Import;

/// <summary>Hands out ids and collects the records statements refer to, with every span they were seen at.</summary>
internal static class ExtractionBuilder
{
    public static Extraction Build(ArticleContext context, List<StatementDraft> drafts, string language, string? title, PartialDate? published)
    {
        var names = context.Names;
        var text = context.Text;

        var actorIds = new Dictionary<int, string>();
        var actors = new List<ExtractedActor>();
        // Every actor named in the article, accused or not; statements only accuse actors they mention.
        foreach (var group in context.Mentions.Where(m => m.Kind == EntityKind.Actor).GroupBy(m => m.Index))
        {
            var actor = context.Actors[group.Key];
            var id = "a" + (actors.Count + 1);
            actorIds[group.Key] = id;
            var seen = group.Select(m => text[m.Start..m.End]).Where(s => !string.Equals(s, actor.Name, StringComparison.Ordinal));
            actors.Add(new ExtractedActor(id, actor.Name, actor.Kind, [.. actor.Aliases.Concat(seen).Distinct(StringComparer.OrdinalIgnoreCase)], actor.State,
                [.. group.Select(m => new[] { m.Start, m.End })]));
        }

        var partyIds = new Dictionary<string, string>();
        var parties = new List<ExtractedParty>();
        foreach (var party in drafts.Select(s => s.Party).Distinct())
        {
            var id = "p" + (parties.Count + 1);
            partyIds[party.Key] = id;
            var spans = context.PartyMentions.Where(p => p.Party == party).Select(p => p.Mention).ToList();
            var surface = spans.Select(m => text[m.Start..m.End]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            parties.Add(Describe(party, names, id, surface, [.. spans.Select(m => new[] { m.Start, m.End })]));
        }

        var incidentIds = new Dictionary<IncidentDraft, string>();
        var incidents = new List<ExtractedIncident>();
        foreach (var incident in drafts.Select(s => s.Incident).OfType<IncidentDraft>().Distinct())
        {
            var id = "i" + (incidents.Count + 1);
            incidentIds[incident] = id;
            incidents.Add(new ExtractedIncident(id, incident.Name, incident.Aliases, incident.Date?.ToString(), incident.Mentions)
            {
                Victims = incident.Victims,
                Scale = incident.Scale,
            });
        }

        var statementIds = drafts.Select((s, i) => (s, "s" + (i + 1))).ToDictionary(x => x.s, x => x.Item2);
        var statements = drafts.Select(s => new ExtractedStatement(
            statementIds[s],
            s.Kind.ToString().ToLowerInvariant(),
            partyIds[s.Party.Key],
            s.Actor is { } a ? actorIds[a] : null,
            s.State,
            s.Incident is { } i ? incidentIds[i] : null,
            s.Confidence?.Level.ToTerm(),
            s.Confidence?.Text,
            s.Date?.ToString(),
            text[s.Start..s.End],
            s.Start,
            s.End,
            [.. s.Answers.Select(x => statementIds[x])])).ToList();

        return new Extraction
        {
            Language = language,
            Title = title,
            Published = published?.ToString(),
            Actors = actors,
            Parties = parties,
            Incidents = incidents,
            Statements = statements,
            Text = text,
        };
    }

    private static ExtractedParty Describe(PartyRef party, ImportLexicon names, string id, List<string> surface, List<int[]> spans)
    {
        switch (party.Kind)
        {
            case PartyRefKind.Party:
                var p = names.Parties[party.Index];
                return new ExtractedParty(id, p.Name, p.Kind, p.State, [.. p.Aliases.Concat(surface).Distinct(StringComparer.OrdinalIgnoreCase)], spans);
            case PartyRefKind.Official:
                var title = names.Titles[party.Index];
                var state = names.State(party.State)!;
                var label = char.ToUpperInvariant(title.Label[0]) + title.Label[1..];
                return new ExtractedParty(id, $"{label} of {state.NameEn}", "official", state.Code, surface, spans) { Role = title.Role };
            default:
                var government = names.State(party.State)!;
                return new ExtractedParty(id, government.NameEn, "government", government.Code, [.. surface.Where(s => s != government.NameEn)], spans);
        }
    }
}
