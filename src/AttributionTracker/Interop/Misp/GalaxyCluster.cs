namespace AttributionTracker.Interop.Misp;

/// <summary>A MISP galaxy cluster file (e.g. threat-actor.json), reduced to what the store keeps.</summary>
public sealed record GalaxyCluster(string Name, string Type, string? Uuid, int? Version, IReadOnlyList<GalaxyActor> Values);

/// <summary>
/// One cluster value. <see cref="Synonyms"/> excludes identifiers that MISP mixes into synonyms
/// (MITRE ATT&amp;CK group ids such as G0125), which are in <see cref="MitreAttackIds"/>.
/// </summary>
public sealed record GalaxyActor(
    string Uuid,
    string Value,
    string? Description,
    string? Country,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> MitreAttackIds,
    IReadOnlyList<string> Refs);
