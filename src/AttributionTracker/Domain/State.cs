namespace AttributionTracker.Domain;

/// <summary>A sovereign state or ISO-coded territory, as accuser (through its parties) or as accused.</summary>
public sealed class State : IAudited
{
    public required CountryCode Code { get; set; }

    public required string NameEn { get; set; }

    public required string NameEs { get; set; }

    /// <summary>Every other way news refer to it: long names, demonyms, capitals and seats of government.</summary>
    public List<StateName> Names { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public int Version { get; set; }

    public string Name(string language) => language == Languages.Spanish ? NameEs : NameEn;
}

public sealed class StateName
{
    public int Id { get; set; }

    public CountryCode StateCode { get; set; }

    public required string Text { get; set; }

    /// <summary>Folded key (see <see cref="TextFolding.Key"/>) used for matching.</summary>
    public required string Key { get; set; }

    public required string Language { get; set; }

    public StateNameKind Kind { get; set; }
}

public enum StateNameKind
{
    /// <summary>Another name for the country ("Britain", "EE. UU.").</summary>
    Name,

    /// <summary>A nationality adjective ("chino", "Russian").</summary>
    Demonym,

    /// <summary>A place that stands for its government ("Pekín", "Kremlin", "Downing Street").</summary>
    Metonym,
}

public static class Languages
{
    public const string English = "en";
    public const string Spanish = "es";

    public static IReadOnlyList<string> Supported { get; } = [English, Spanish];
}
