namespace AttributionTracker.Interop.Stix;

/// <summary>The custom property names of ADR 16, in one place for the exporter and the importer.</summary>
internal static class X
{
    public const string Slug = "x_attribution_slug";
    public const string Aliases = "x_attribution_aliases";
    public const string ActorKind = "x_attribution_actor_kind";
    public const string SponsorState = "x_attribution_sponsor_state";
    public const string PartyKind = "x_attribution_party_kind";
    public const string State = "x_attribution_state";
    public const string StateCode = "x_attribution_state_code";
    public const string ParentRef = "x_attribution_parent_ref";
    public const string PersonName = "x_attribution_person_name";
    public const string Relation = "x_attribution_relation";
    public const string Start = "x_attribution_start";
    public const string End = "x_attribution_end";
    public const string IncidentType = "x_attribution_incident_type";
    public const string Scale = "x_attribution_scale";
    public const string Victims = "x_attribution_victims";
    public const string Statement = "x_attribution_statement";
    public const string Kind = "x_attribution_kind";
    public const string Parties = "x_attribution_parties";
    public const string Date = "x_attribution_date";
    public const string Quote = "x_attribution_quote";
    public const string QuoteLanguage = "x_attribution_quote_language";
    public const string QuoteSpan = "x_attribution_quote_span";
    public const string ConfidenceWording = "x_attribution_confidence_wording";
    public const string Notes = "x_attribution_notes";
    public const string Answers = "x_attribution_answers";
    public const string Retracted = "x_attribution_retracted";
    public const string IncidentRef = "x_attribution_incident_ref";
    public const string ActorRef = "x_attribution_actor_ref";
    public const string StateRef = "x_attribution_state_ref";
    public const string Source = "x_attribution_source";
}
