namespace AttributionTracker.Generation;

/// <summary>
/// One table the generator fills, its columns in the order rows give their values. Values are CLR values as the
/// store keeps them: strings for enums (as the model converts them), <see cref="DateOnly"/> for partial-date starts,
/// UTC <see cref="DateTime"/> for audit stamps, null for absent values. Ids are given explicitly where other rows
/// point at them; the alias, victim and link tables leave theirs to the database.
/// </summary>
public sealed record GeneratedTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<GeneratedColumnType> Types, bool ExplicitIds);

public enum GeneratedColumnType
{
    Integer,
    Text,
    Date,
    Timestamp,
}

public static class GeneratedTables
{
    private const GeneratedColumnType I = GeneratedColumnType.Integer;
    private const GeneratedColumnType T = GeneratedColumnType.Text;
    private const GeneratedColumnType D = GeneratedColumnType.Date;
    private const GeneratedColumnType S = GeneratedColumnType.Timestamp;

    public static readonly GeneratedTable Parties = new("Parties",
        ["Id", "Name", "Slug", "Kind", "StateCode", "Description", "CreatedAt", "UpdatedAt", "UpdatedBy", "Version"],
        [I, T, T, T, T, T, S, S, T, I], ExplicitIds: true);

    public static readonly GeneratedTable PartyAliases = new("PartyAliases",
        ["PartyId", "Name", "Key", "Language"],
        [I, T, T, T], ExplicitIds: false);

    public static readonly GeneratedTable Actors = new("Actors",
        ["Id", "Name", "Slug", "Kind", "SponsorStateCode", "Description", "CreatedAt", "UpdatedAt", "UpdatedBy", "Version"],
        [I, T, T, T, T, T, S, S, T, I], ExplicitIds: true);

    public static readonly GeneratedTable ActorAliases = new("ActorAliases",
        ["ActorId", "Name", "Key", "Language", "Origin"],
        [I, T, T, T, T], ExplicitIds: false);

    public static readonly GeneratedTable Incidents = new("Incidents",
        ["Id", "Name", "Slug", "Summary", "Scale", "Type", "StartDate", "StartDatePrecision", "EndDate", "EndDatePrecision", "CreatedAt", "UpdatedAt", "UpdatedBy", "Version"],
        [I, T, T, T, T, T, D, T, D, T, S, S, T, I], ExplicitIds: true);

    public static readonly GeneratedTable IncidentAliases = new("IncidentAlias",
        ["IncidentId", "Name", "Key", "Language"],
        [I, T, T, T], ExplicitIds: false);

    public static readonly GeneratedTable IncidentVictims = new("IncidentVictim",
        ["IncidentId", "Name", "StateCode"],
        [I, T, T], ExplicitIds: false);

    public static readonly GeneratedTable Sources = new("Sources",
        ["Id", "Title", "Publisher", "Url", "Language", "Text", "TextSha256", "ImportedFrom", "PublishedOn", "PublishedOnPrecision", "CreatedAt", "UpdatedAt", "UpdatedBy", "Version"],
        [I, T, T, T, T, T, T, T, D, T, S, S, T, I], ExplicitIds: true);

    public static readonly GeneratedTable Statements = new("Statements",
        ["Id", "Kind", "IncidentId", "AccusedActorId", "AccusedStateCode", "Quote", "QuoteLanguage", "SourceId", "SpanStart", "SpanEnd", "Confidence", "ConfidenceWording", "Date", "DatePrecision", "CreatedAt", "UpdatedAt", "UpdatedBy", "Version"],
        [I, T, I, I, T, T, T, I, I, I, I, T, D, T, S, S, T, I], ExplicitIds: true);

    public static readonly GeneratedTable StatementParties = new("StatementParty",
        ["StatementId", "PartyId", "Position"],
        [I, I, I], ExplicitIds: false);

    public static readonly GeneratedTable StatementAnswers = new("StatementAnswer",
        ["StatementId", "AnsweredStatementId"],
        [I, I], ExplicitIds: false);
}
