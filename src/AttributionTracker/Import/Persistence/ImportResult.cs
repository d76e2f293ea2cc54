namespace AttributionTracker.Import.Persistence;

public enum ImportOutcome
{
    Imported,
    AlreadyImported,
}

/// <summary>What importing one article did.</summary>
public sealed record ImportResult(ImportOutcome Outcome, int SourceId, int Statements, int NewActors, int NewParties, int NewIncidents);
