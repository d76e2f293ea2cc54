namespace AttributionTracker.Domain;

/// <summary>Whoever is accused: a threat group, a state organ, or a state acting as one.</summary>
public sealed class Actor : Entity
{
    public required string Name { get; set; }

    public required Slug Slug { get; set; }

    public ActorKind Kind { get; set; }

    /// <summary>The state that sponsors or directs it, as reference data says — not an attribution by itself.</summary>
    public CountryCode? SponsorStateCode { get; set; }

    public State? SponsorState { get; set; }

    /// <summary>Markdown.</summary>
    public string? Description { get; set; }

    public List<ActorAlias> Aliases { get; set; } = [];

    public List<ActorExternalId> ExternalIds { get; set; } = [];

    public List<ActorReference> References { get; set; } = [];

    /// <summary>Links from this actor ("HAFNIUM operates for the Ministry of State Security").</summary>
    public List<ActorRelation> RelationsFrom { get; set; } = [];

    /// <summary>Links to this actor (the groups that operate for this ministry).</summary>
    public List<ActorRelation> RelationsTo { get; set; } = [];
}

public enum ActorKind
{
    Group,
    Agency,
    State,
}

public sealed class ActorAlias
{
    public int Id { get; set; }

    public int ActorId { get; set; }

    public required string Name { get; set; }

    /// <summary>Folded key (see <see cref="TextFolding.Key"/>) used for matching.</summary>
    public required string Key { get; set; }

    /// <summary>The language of the form, where it is language-specific ("Hafnio" is Spanish).</summary>
    public string? Language { get; set; }

    /// <summary>The party that coined the name (Microsoft for "Silk Typhoon"), where known.</summary>
    public int? CoinedById { get; set; }

    public Party? CoinedBy { get; set; }

    /// <summary>Where the alias came from, so reloading a reference file touches only its own aliases.</summary>
    public required string Origin { get; set; }
}

public sealed class ActorExternalId
{
    public int Id { get; set; }

    public int ActorId { get; set; }

    /// <summary>"mitre-attack", "misp".</summary>
    public required string System { get; set; }

    public required string Value { get; set; }
}

public static class ExternalIdSystems
{
    public const string MitreAttack = "mitre-attack";
    public const string Misp = "misp";
}

/// <summary>A public web page about the actor (MISP galaxy "refs").</summary>
public sealed class ActorReference
{
    public int Id { get; set; }

    public int ActorId { get; set; }

    public required string Url { get; set; }
}

public sealed class ActorRelation : IAudited
{
    public int Id { get; set; }

    public int FromActorId { get; set; }

    public Actor? FromActor { get; set; }

    public int ToActorId { get; set; }

    public Actor? ToActor { get; set; }

    public ActorRelationKind Kind { get; set; }

    /// <summary>Who established the link, in words ("UK and US governments, July 2021").</summary>
    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public int Version { get; set; }
}

public enum ActorRelationKind
{
    /// <summary>Works on behalf of, is directed or supported by.</summary>
    OperatesFor,

    /// <summary>A unit of a larger organ (GRU unit 26165 of the GRU).</summary>
    PartOf,
}
