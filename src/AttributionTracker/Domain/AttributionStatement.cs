namespace AttributionTracker.Domain;

/// <summary>
/// The central record: one party's public statement, in its own words, about who is behind an incident —
/// or a denial of such a statement — tied to the exact span of the source it was read from.
/// </summary>
public sealed class AttributionStatement : Entity
{
    public StatementKind Kind { get; set; }

    /// <summary>Who made it; several for a joint attribution, the first being the lead.</summary>
    public List<StatementParty> Parties { get; set; } = [];

    public int? IncidentId { get; set; }

    public Incident? Incident { get; set; }

    /// <summary>The accused group or organ, if the statement names one.</summary>
    public int? AccusedActorId { get; set; }

    public Actor? AccusedActor { get; set; }

    /// <summary>The accused state, only if the statement names it: naming Hafnium is not blaming China.</summary>
    public CountryCode? AccusedStateCode { get; set; }

    public State? AccusedState { get; set; }

    public Confidence Confidence { get; set; } = Confidence.NotStated;

    /// <summary>When the statement was made.</summary>
    public PartialDate? Date { get; set; }

    /// <summary>The words as the source gives them, in the source's language.</summary>
    public string? Quote { get; set; }

    public string? QuoteLanguage { get; set; }

    public int? SourceId { get; set; }

    public Source? Source { get; set; }

    /// <summary>Character offsets of the quote in <see cref="Source.Text"/>, end exclusive.</summary>
    public int? SpanStart { get; set; }

    public int? SpanEnd { get; set; }

    /// <summary>For a denial or a response: the statements it answers.</summary>
    public List<StatementAnswer> Answers { get; set; } = [];

    /// <summary>Statements that answer this one.</summary>
    public List<StatementAnswer> AnsweredBy { get; set; } = [];

    /// <summary>Editor's notes (Markdown).</summary>
    public string? Notes { get; set; }

    /// <summary>
    /// Set when an editor withdraws the record (a wrong extraction, a misread source): it stays, marked, with the
    /// reason, and is never hard-deleted by editors. Not the same as a party retracting its claim, which is a
    /// statement of kind <see cref="StatementKind.Retraction"/>.
    /// </summary>
    public DateTime? RetractedAt { get; set; }

    public string? RetractedBy { get; set; }

    public string? RetractionReason { get; set; }
}

public enum StatementKind
{
    /// <summary>The party says an actor and/or state is behind the incident.</summary>
    Attribution,

    /// <summary>The accused (or someone for it) rejects an attribution.</summary>
    Denial,

    /// <summary>The party withdraws its own earlier attribution.</summary>
    Retraction,

    /// <summary>The party backs another's attribution without its own assessment.</summary>
    Corroboration,

    /// <summary>A measure taken in response: sanctions, indictments, expulsions.</summary>
    Response,
}

public sealed class StatementParty
{
    public int StatementId { get; set; }

    public int PartyId { get; set; }

    public Party? Party { get; set; }

    /// <summary>0 for the lead party; co-signers follow in the order the source names them.</summary>
    public int Position { get; set; }
}

public sealed class StatementAnswer
{
    /// <summary>The denial (or response).</summary>
    public int StatementId { get; set; }

    public AttributionStatement? Statement { get; set; }

    /// <summary>The statement it answers.</summary>
    public int AnsweredStatementId { get; set; }

    public AttributionStatement? AnsweredStatement { get; set; }
}
