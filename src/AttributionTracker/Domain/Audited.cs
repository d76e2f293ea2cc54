namespace AttributionTracker.Domain;

/// <summary>
/// What every stored record carries: when it was made and last changed, by whom, and a version that
/// changes on every save so two editors cannot silently overwrite each other.
/// </summary>
public interface IAudited
{
    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }

    /// <summary>The account (or process, e.g. "import", "seed") that last changed the record.</summary>
    string? UpdatedBy { get; set; }

    /// <summary>Optimistic-concurrency token, bumped by the store on every update.</summary>
    int Version { get; set; }
}

public abstract class Entity : IAudited
{
    public int Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public int Version { get; set; }
}
