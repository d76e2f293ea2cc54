namespace AttributionTracker.Domain;

/// <summary>
/// One change to one record, written by the store itself in the same transaction as the change: who, when, what
/// it was before and what it became. A change to a part of a record (an actor's alias, a statement's party) names
/// the record it belongs to as its owner, so the record's page can show its whole history.
/// </summary>
public sealed class RecordChange
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The account name, or "import", "seed", "cli" for changes made by the application.</summary>
    public string? By { get; set; }

    public ChangeAction Action { get; set; }

    /// <summary>The entity changed: "Actor", "ActorAlias", "AttributionStatement"...</summary>
    public required string RecordType { get; set; }

    /// <summary>Its key; composite keys joined with "/".</summary>
    public required string RecordKey { get; set; }

    /// <summary>The audited record this change belongs to (itself, or the actor an alias belongs to).</summary>
    public string? OwnerType { get; set; }

    public int? OwnerId { get; set; }

    /// <summary>The changed values before, as a JSON object (null when added).</summary>
    public string? Before { get; set; }

    /// <summary>The changed values after, as a JSON object (null when deleted).</summary>
    public string? After { get; set; }

    /// <summary>Why, when the editor said (a retraction's or hard delete's reason).</summary>
    public string? Reason { get; set; }
}

public enum ChangeAction
{
    Added,
    Modified,
    Deleted,
}
