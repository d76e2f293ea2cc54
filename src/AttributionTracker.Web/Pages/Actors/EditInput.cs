using System.ComponentModel.DataAnnotations;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Editing;

namespace AttributionTracker.Web.Pages.Actors;

public sealed class ActorInput : IEditInput
{
    [Required(ErrorMessage = "Give the actor a name.")]
    [StringLength(200, ErrorMessage = "A name is at most {1} characters.")]
    public string Name { get; set; } = "";

    public ActorKind Kind { get; set; }

    /// <summary>Two-letter code; blank for none.</summary>
    public string? SponsorState { get; set; }

    public string? Description { get; set; }

    public int Version { get; set; }

    public static ActorInput From(Actor a) => new()
    {
        Name = a.Name,
        Kind = a.Kind,
        SponsorState = a.SponsorStateCode?.Value,
        Description = a.Description,
        Version = a.Version,
    };
}

public sealed class NewAliasInput
{
    [Required(ErrorMessage = "Type the alias.")]
    [StringLength(200, ErrorMessage = "An alias is at most {1} characters.")]
    public string? Name { get; set; }

    [RegularExpression("^[a-zA-Z]{2}$", ErrorMessage = "A language is a two-letter code such as es or en.")]
    public string? Language { get; set; }

    /// <summary>The party that coined it, by name, alias or slug.</summary>
    [StringLength(200)]
    public string? CoinedBy { get; set; }
}

public sealed record AliasLine(int Id, string Name, string? Language, string? CoinedBy);
