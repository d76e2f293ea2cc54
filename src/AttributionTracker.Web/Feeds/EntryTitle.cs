using AttributionTracker.Domain;

namespace AttributionTracker.Web.Feeds;

/// <summary>
/// A feed entry's title as a sentence a reader understands without opening it:
/// "National Cyber Security Centre (GB) accused APT31 of the Electoral Commission breach — highly likely".
/// </summary>
public static class EntryTitle
{
    public static string For(FeedEntry s)
    {
        var who = s.Lead is { } lead ? lead.Name + (lead.State is { } st ? $" ({st.Value})" : "") : "An unnamed party";
        if (s.Parties.Count > 1)
        {
            who += s.Parties.Count == 2 ? " and one other" : $" and {s.Parties.Count - 1} others";
        }

        var accused = (s.AccusedActor, s.AccusedState) switch
        {
            ({ } actor, { } state) => $"{actor} and {state}",
            ({ } actor, null) => actor,
            (null, { } state) => state,
            _ => null,
        };
        var incident = s.Incident;
        var sentence = s.Kind switch
        {
            StatementKind.Attribution => accused is null
                ? $"{who} made an attribution{Of("about", incident)}"
                : $"{who} accused {accused}{Of("of", incident)}",
            StatementKind.Denial => (accused, incident) switch
            {
                ({ } a, { } i) => $"{who} denied that {a} was behind {i}",
                ({ } a, null) => $"{who} denied the accusation against {a}",
                (null, { } i) => $"{who} denied the accusation over {i}",
                _ => $"{who} denied an accusation",
            },
            StatementKind.Retraction => $"{who} withdrew its attribution{Of("of", incident)}{Of("to", accused)}",
            StatementKind.Corroboration => $"{who} backed the attribution{Of("of", incident)}{Of("to", accused)}",
            _ => $"{who} responded{Of("to", incident)}{Of("against", accused)}",
        };

        var confidence = s.Confidence is { } level ? level.ToLabel() : s.ConfidenceWording is { } words ? $"“{words}”" : null;
        if (confidence is not null && s.Kind != StatementKind.Denial)
        {
            sentence += " — " + confidence;
        }

        return s.RetractedAt is null ? sentence : "[Withdrawn by the editors] " + sentence;
    }

    private static string Of(string preposition, string? what) => what is null ? "" : $" {preposition} {what}";
}
