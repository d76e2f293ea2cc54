namespace AttributionTracker.Domain;

/// <summary>
/// Whoever makes a statement: a government, an agency, an official, a company, an international organisation.
/// </summary>
public sealed class Party : Entity
{
    public required string Name { get; set; }

    public required Slug Slug { get; set; }

    public PartyKind Kind { get; set; }

    /// <summary>The state it speaks for, if any; companies have none even if based in one.</summary>
    public CountryCode? StateCode { get; set; }

    public State? State { get; set; }

    /// <summary>For an official: the office ("Foreign Secretary").</summary>
    public string? Role { get; set; }

    /// <summary>For an official: the person holding the office when quoted, where named.</summary>
    public string? PersonName { get; set; }

    /// <summary>The body it belongs to (NCSC → GCHQ; a spokesperson → the foreign ministry).</summary>
    public int? ParentId { get; set; }

    public Party? Parent { get; set; }

    public List<PartyAlias> Aliases { get; set; } = [];

    /// <summary>Markdown.</summary>
    public string? Description { get; set; }
}

public enum PartyKind
{
    Government,
    Agency,
    Official,
    Company,
    Organisation,
}

public sealed class PartyAlias
{
    public int Id { get; set; }

    public int PartyId { get; set; }

    public required string Name { get; set; }

    public required string Key { get; set; }

    public string? Language { get; set; }
}
