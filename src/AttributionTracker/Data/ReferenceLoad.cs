namespace AttributionTracker.Data;

/// <summary>
/// Which reference file (states, MISP galaxy, seed article...) was last loaded, by content hash, so first start
/// loads each once and an updated file is loaded again.
/// </summary>
public sealed class ReferenceLoad
{
    public required string Name { get; set; }

    public required string Sha256 { get; set; }

    public DateTime LoadedAt { get; set; }
}
