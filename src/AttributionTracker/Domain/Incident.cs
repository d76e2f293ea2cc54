namespace AttributionTracker.Domain;

/// <summary>A cyber operation that statements are about: the Exchange server compromise, the attack on Finland's parliament.</summary>
public sealed class Incident : Entity
{
    public required string Name { get; set; }

    public required Slug Slug { get; set; }

    public List<IncidentAlias> Aliases { get; set; } = [];

    /// <summary>When it began (or happened), to the precision known.</summary>
    public PartialDate? StartDate { get; set; }

    /// <summary>When it ended, if it lasted and the end is known.</summary>
    public PartialDate? EndDate { get; set; }

    /// <summary>Markdown.</summary>
    public string? Summary { get; set; }

    public List<IncidentVictim> Victims { get; set; } = [];

    /// <summary>Its size in the source's words ("about 250,000 servers").</summary>
    public string? Scale { get; set; }

    public IncidentType Type { get; set; }
}

/// <summary>Broadly the CFR Cyber Operations Tracker's types, plus disruption and unknown.</summary>
public enum IncidentType
{
    Unknown,
    Espionage,
    Sabotage,
    Disruption,
    DataDestruction,
    DenialOfService,
    FinancialTheft,
    Doxing,
    Defacement,
    InfluenceOperation,
}

public sealed class IncidentAlias
{
    public int Id { get; set; }

    public int IncidentId { get; set; }

    public required string Name { get; set; }

    public required string Key { get; set; }

    public string? Language { get; set; }
}

/// <summary>Who or what was hit: an organisation, a sector, a population.</summary>
public sealed class IncidentVictim
{
    public int Id { get; set; }

    public int IncidentId { get; set; }

    public required string Name { get; set; }

    public CountryCode? StateCode { get; set; }

    public State? State { get; set; }
}
