using System.Text.Json.Serialization;

namespace AttributionTracker.Import;

/// <summary>
/// What the extractor found in one article (schema "attribution-extraction/1"): every record carries the spans of
/// the text it came from. Offsets are character offsets into <see cref="Text"/>, the article as stored.
/// </summary>
public sealed record Extraction
{
    public const string SchemaName = "attribution-extraction/1";

    public string Schema { get; init; } = SchemaName;

    public required string Language { get; init; }

    public string? Title { get; init; }

    public string? Published { get; init; }

    public IReadOnlyList<ExtractedActor> Actors { get; init; } = [];

    public IReadOnlyList<ExtractedParty> Parties { get; init; } = [];

    public IReadOnlyList<ExtractedIncident> Incidents { get; init; } = [];

    public IReadOnlyList<ExtractedStatement> Statements { get; init; } = [];

    /// <summary>The stored text the offsets index into; not printed by <c>extract</c>.</summary>
    [JsonIgnore]
    public string Text { get; init; } = "";
}

/// <summary>kind: group | agency | state.</summary>
public sealed record ExtractedActor(string Id, string Name, string Kind, IReadOnlyList<string> Aliases, string? State, IReadOnlyList<int[]> Mentions);

/// <summary>kind: government | agency | official | company | organisation.</summary>
public sealed record ExtractedParty(string Id, string Name, string Kind, string? State, IReadOnlyList<string> Aliases, IReadOnlyList<int[]> Mentions)
{
    /// <summary>For an official: the office ("foreign-minister").</summary>
    public string? Role { get; init; }
}

public sealed record ExtractedIncident(string Id, string Name, IReadOnlyList<string> Aliases, string? Date, IReadOnlyList<int[]> Mentions)
{
    public IReadOnlyList<string> Victims { get; init; } = [];

    public string? Scale { get; init; }
}

/// <summary>kind: attribution | denial. Start/End: the sentence the statement was read from.</summary>
public sealed record ExtractedStatement(
    string Id,
    string Kind,
    string Party,
    string? Actor,
    string? State,
    string? Incident,
    string? Confidence,
    string? ConfidenceText,
    string? Date,
    string Quote,
    int Start,
    int End,
    IReadOnlyList<string> Answers);
