using System.Text.Json.Serialization;

namespace AttributionTracker.Interop.Misp;

/// <summary>
/// A MISP galaxy cluster file as written: the top-level fields of MISP's own threat-actor.json, in its order.
/// (Reading goes through <see cref="GalaxyReader"/>, which checks field by field what a hostile file may send.)
/// </summary>
public sealed record GalaxyFile(
    [property: JsonPropertyName("authors")] IReadOnlyList<string> Authors,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("values")] IReadOnlyList<GalaxyFileValue> Values);

public sealed record GalaxyFileValue(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("meta")] GalaxyFileMeta Meta);

/// <summary>
/// "synonyms" holds the aliases and, as MISP does, the MITRE ATT&amp;CK group ids; "country" the ISO code and
/// "cfr-suspected-state-sponsor" the state's English name, the two ways MISP names a sponsor.
/// </summary>
public sealed record GalaxyFileMeta(
    [property: JsonPropertyName("synonyms")] IReadOnlyList<string>? Synonyms,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("cfr-suspected-state-sponsor")] string? SuspectedStateSponsor,
    [property: JsonPropertyName("refs")] IReadOnlyList<string>? Refs);
