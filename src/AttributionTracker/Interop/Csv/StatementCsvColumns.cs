namespace AttributionTracker.Interop.Csv;

/// <summary>
/// The columns of the statements CSV, in order. <see cref="Read"/> says whether an import reads the column; the
/// others (names, titles) are there for the reader of the spreadsheet and are ignored on import, since the slug
/// or id beside them names the record.
/// </summary>
public static class StatementCsvColumns
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Date = "date";
    public const string PartySlugs = "party_slugs";
    public const string PartyNames = "party_names";
    public const string PartyStates = "party_states";
    public const string ActorSlug = "actor_slug";
    public const string ActorName = "actor_name";
    public const string AccusedState = "accused_state";
    public const string IncidentSlug = "incident_slug";
    public const string IncidentName = "incident_name";
    public const string Confidence = "confidence";
    public const string ConfidenceWording = "confidence_wording";
    public const string Quote = "quote";
    public const string QuoteLanguage = "quote_language";
    public const string SourceId = "source_id";
    public const string SourceTitle = "source_title";
    public const string SourceUrl = "source_url";
    public const string SpanStart = "span_start";
    public const string SpanEnd = "span_end";
    public const string Answers = "answers";
    public const string Retracted = "retracted";

    /// <summary>Every column with whether an import needs it and the longest value it accepts.</summary>
    public static IReadOnlyList<(string Name, bool Read, int MaxLength)> All { get; } =
    [
        (Id, true, 12),
        (Kind, true, 20),
        (Date, true, 20),
        (PartySlugs, true, 2_000),
        (PartyNames, false, 4_000),
        (PartyStates, false, 1_000),
        (ActorSlug, true, 120),
        (ActorName, false, 200),
        (AccusedState, true, 20),
        (IncidentSlug, true, 120),
        (IncidentName, false, 400),
        (Confidence, true, 30),
        (ConfidenceWording, true, 200),
        (Quote, true, 4_000),
        (QuoteLanguage, true, 20),
        (SourceId, true, 12),
        (SourceTitle, false, 1_000),
        (SourceUrl, false, 2_000),
        (SpanStart, true, 12),
        (SpanEnd, true, 12),
        (Answers, true, 2_000),
        (Retracted, true, 5),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(c => c.Name)];

    /// <summary>An import refuses more rows than this: a bigger change is several files, each checked whole.</summary>
    public const int MaxRows = 10_000;
}
