using AttributionTracker.Domain;

namespace AttributionTracker.Interop.Stix;

/// <summary>What an export covers: the whole store, or one incident or one actor with everything around it.</summary>
public sealed record StixScope(StixScopeKind Kind, Slug? Slug)
{
    public static StixScope Store { get; } = new(StixScopeKind.Store, null);

    public static StixScope ForIncident(Slug slug) => new(StixScopeKind.Incident, slug);

    public static StixScope ForActor(Slug slug) => new(StixScopeKind.Actor, slug);

    /// <summary>The natural key of the bundle itself, so re-exporting the same scope gives the same bundle id.</summary>
    public string Key => Kind == StixScopeKind.Store ? "bundle:store" : $"bundle:{Kind.ToString().ToLowerInvariant()}:{Slug}";
}

public enum StixScopeKind
{
    Store,
    Incident,
    Actor,
}
