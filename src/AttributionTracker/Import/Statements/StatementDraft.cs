using AttributionTracker.Domain;
using AttributionTracker.Import.Incidents;

namespace AttributionTracker.Import.Statements;

/// <summary>A statement as the extractor finds it, before ids are handed out.</summary>
public sealed class StatementDraft
{
    public required StatementKind Kind { get; init; }

    public required PartyRef Party { get; init; }

    public int? Actor { get; init; }

    public string? State { get; init; }

    public IncidentDraft? Incident { get; set; }

    public (ConfidenceLevel Level, string Text)? Confidence { get; init; }

    public PartialDate? Date { get; init; }

    public required int SentenceIndex { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    /// <summary>Parties named in the statement's sentence other than the speaker (for linking a denial to what it answers).</summary>
    public List<PartyRef> Named { get; } = [];

    public List<StatementDraft> Answers { get; } = [];
}
