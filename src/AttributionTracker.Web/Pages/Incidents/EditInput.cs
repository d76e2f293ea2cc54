using System.ComponentModel.DataAnnotations;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Editing;

namespace AttributionTracker.Web.Pages.Incidents;

public sealed class IncidentInput : IEditInput
{
    [Required(ErrorMessage = "Give the incident a name.")]
    [StringLength(300, ErrorMessage = "A name is at most {1} characters.")]
    public string Name { get; set; } = "";

    public IncidentType Type { get; set; }

    [Display(Name = "Started")]
    public string? Start { get; set; }

    [Display(Name = "Ended")]
    public string? End { get; set; }

    [StringLength(300, ErrorMessage = "The scale is at most {1} characters.")]
    public string? Scale { get; set; }

    public string? Summary { get; set; }

    public List<AliasRow> Aliases { get; set; } = [];

    public List<VictimRow> Victims { get; set; } = [];

    /// <summary>The version the editor started from (optimistic concurrency).</summary>
    public int Version { get; set; }

    public static IncidentInput From(Incident i) => new()
    {
        Name = i.Name,
        Type = i.Type,
        Start = i.StartDate?.ToString(),
        End = i.EndDate?.ToString(),
        Scale = i.Scale,
        Summary = i.Summary,
        Aliases = [.. i.Aliases.OrderBy(a => a.Name).Select(a => new AliasRow { Name = a.Name, Language = a.Language })],
        Victims = [.. i.Victims.OrderBy(v => v.Id).Select(v => new VictimRow { Name = v.Name, State = v.StateCode?.Value })],
        Version = i.Version,
    };
}

/// <summary>One victim line; a blank name is an empty slot or a victim removed.</summary>
public sealed class VictimRow
{
    [StringLength(300, ErrorMessage = "A victim's name is at most {1} characters.")]
    public string? Name { get; set; }

    /// <summary>Two-letter code of the victim's state, if any.</summary>
    public string? State { get; set; }
}
