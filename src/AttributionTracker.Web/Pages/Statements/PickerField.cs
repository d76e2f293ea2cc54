using AttributionTracker.Web.Pages.Pickers;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>What the picker partial needs to draw one field: its value, its choices if the name found none or several, and what a new record asks for.</summary>
public sealed record PickerField(
    string Prefix,
    string Label,
    PickedName Value,
    PickerKind Kind,
    IReadOnlyList<PickerOption>? Choices,
    IReadOnlyList<StateOption> States,
    string? Help = null)
{
    /// <summary>"Input.Parties[0]" → "Input_Parties_0_", as ASP.NET Core makes ids.</summary>
    public string IdFor(string field) => $"{Prefix}.{field}".Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public string NameFor(string field) => $"{Prefix}.{field}";

    public string Noun => Kind switch
    {
        PickerKind.Parties => "party",
        PickerKind.Actors => "actor",
        PickerKind.Incidents => "incident",
        _ => "source",
    };

    public bool CanCreate => Kind != PickerKind.Sources;

    /// <summary>The create-new block shows when the name found nothing certain, or the editor already asked for it.</summary>
    public bool ShowCreate => CanCreate && (Choices is not null || Value.CreateNew);

    public string[] NewKinds => Kind switch
    {
        PickerKind.Parties => Enum.GetNames<Domain.PartyKind>(),
        PickerKind.Actors => Enum.GetNames<Domain.ActorKind>(),
        _ => [],
    };
}
