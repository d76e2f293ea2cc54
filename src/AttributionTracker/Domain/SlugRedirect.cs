namespace AttributionTracker.Domain;

/// <summary>
/// An actor slug that no longer names a record because the actor was merged into another: links and bookmarks to
/// the old address keep working by being sent on to the actor that absorbed it.
/// </summary>
public sealed class SlugRedirect
{
    public int Id { get; set; }

    public required Slug OldSlug { get; set; }

    public int ActorId { get; set; }

    public Actor? Actor { get; set; }

    public DateTime CreatedAt { get; set; }
}
