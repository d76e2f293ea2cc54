using System.ComponentModel;

namespace AttributionTracker.Web.Api.Write;

/// <summary>A statement as the API takes it (POST, and PUT as a full replacement): records by their slugs.</summary>
public sealed record StatementRequest
{
    [Description("Attribution, Denial, Retraction, Corroboration or Response.")]
    public string? Kind { get; init; }

    [Description("Slugs of the parties that made the statement, the lead party first.")]
    public List<string?>? Parties { get; init; }

    [Description("Slug of the incident it is about.")]
    public string? Incident { get; init; }

    [Description("Slug of the accused actor.")]
    public string? AccusedActor { get; init; }

    [Description("Two-letter code of the accused state.")]
    public string? AccusedState { get; init; }

    public ConfidenceRequest? Confidence { get; init; }

    [Description("A partial date: \"2021\", \"2021-03\", \"early 2021-03\", \"2021-03-19\".")]
    public string? Date { get; init; }

    public string? Quote { get; init; }

    [Description("Number of the archived source the quote comes from.")]
    public int? SourceId { get; init; }

    [Description("Where the quote starts in the source's text (characters); with spanEnd, or neither (the quote is then looked for).")]
    public int? SpanStart { get; init; }

    public int? SpanEnd { get; init; }

    [Description("Numbers of the statements a denial or response answers.")]
    public List<int>? Answers { get; init; }

    [Description("Markdown.")]
    public string? Notes { get; init; }

    [Description("For PUT: the version the change was made to (a newer stored one gives 409).")]
    public int? Version { get; init; }
}

/// <param name="Level">A term of the yardstick ("almost-certain", "highly-likely"...), or null for not stated.</param>
/// <param name="Wording">The party's own words for it ("almost certainly").</param>
public sealed record ConfidenceRequest(string? Level, string? Wording);

/// <param name="Reason">Why it is withdrawn: shown beside the statement and in its history.</param>
public sealed record RetractRequest(string? Reason);
