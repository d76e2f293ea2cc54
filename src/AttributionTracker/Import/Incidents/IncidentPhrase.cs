using AttributionTracker.Domain;

namespace AttributionTracker.Import.Incidents;

/// <summary>
/// A description of an operation in the text ("la explotación de unos 250.000 servidores Microsoft Exchange",
/// "the NotPetya cyberattack", "el ataque"). <see cref="IsGeneric"/> when it has nothing but its head: it then
/// refers back to the incident last talked about.
/// </summary>
public sealed record IncidentPhrase(
    int FirstToken,
    int EndToken,
    int Start,
    int End,
    string Name,
    IReadOnlySet<string> ProperKeys,
    IReadOnlySet<string> ContentKeys,
    IReadOnlyList<string> Victims,
    PartialDate? Date,
    string? Scale)
{
    /// <summary>The stems of its head words ("campana" for "campañas"), for grouping descriptions within a sentence.</summary>
    public IReadOnlySet<string> HeadKeys { get; init; } = new HashSet<string>();

    public bool IsGeneric => ProperKeys.Count == 0 && ContentKeys.Count == 0 && Victims.Count == 0;
}
