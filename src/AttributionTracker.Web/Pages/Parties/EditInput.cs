using System.ComponentModel.DataAnnotations;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Editing;

namespace AttributionTracker.Web.Pages.Parties;

public sealed class PartyInput : IEditInput
{
    [Required(ErrorMessage = "Give the party a name.")]
    [StringLength(200, ErrorMessage = "A name is at most {1} characters.")]
    public string Name { get; set; } = "";

    public PartyKind Kind { get; set; }

    /// <summary>Two-letter code of the state it speaks for; blank for none.</summary>
    public string? State { get; set; }

    [StringLength(200, ErrorMessage = "A role is at most {1} characters.")]
    public string? Role { get; set; }

    [StringLength(200, ErrorMessage = "A name is at most {1} characters.")]
    public string? Person { get; set; }

    /// <summary>The body it belongs to, by name, alias or slug; blank for none.</summary>
    [StringLength(200)]
    public string? Parent { get; set; }

    public string? Description { get; set; }

    public List<AliasRow> Aliases { get; set; } = [];

    public int Version { get; set; }

    public static PartyInput From(Party p) => new()
    {
        Name = p.Name,
        Kind = p.Kind,
        State = p.StateCode?.Value,
        Role = p.Role,
        Person = p.PersonName,
        Parent = p.Parent?.Slug.Value,
        Description = p.Description,
        Aliases = [.. p.Aliases.OrderBy(a => a.Name).Select(a => new AliasRow { Name = a.Name, Language = a.Language })],
        Version = p.Version,
    };
}
