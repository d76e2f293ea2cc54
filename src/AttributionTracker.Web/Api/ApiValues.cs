using System.ComponentModel;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Api;

/// <summary>A partial date: its canonical text ("2021", "2021-03", "early 2021-03"), its precision and the days it spans.</summary>
public sealed record ApiDate(
    [property: Description("The canonical text: ISO 8601 reduced precision with an optional part prefix (\"2021\", \"2021-03-19\", \"early 2021-03\").")] string Value,
    DatePrecision Precision,
    [property: Description("The first day the date allows.")] DateOnly Start,
    [property: Description("The last day the date allows.")] DateOnly End)
{
    public static ApiDate? From(PartialDate? date) =>
        date is null ? null : new ApiDate(date.ToString(), date.Precision, date.Start, date.End);
}

/// <summary>A stated confidence: the PHIA yardstick term it maps to (null when none) and the party's own words.</summary>
public sealed record ApiConfidence(
    [property: Description("The PHIA probability-yardstick term (remote-chance … almost-certain), or null when none was stated or none maps.")] string? Level,
    [property: Description("The words the party used, in its language (\"muy probable\").")] string? Wording)
{
    public static ApiConfidence From(Confidence confidence) => new(confidence.Level?.ToTerm(), confidence.Wording);
}

/// <summary>A related actor, incident or party: its slug, name and addresses.</summary>
public sealed record ApiRef(string Slug, string Name, ApiLinks Links);

/// <summary>A related state: its ISO code, English name and addresses.</summary>
public sealed record ApiStateRef(string Code, string? Name, ApiLinks Links)
{
    public static ApiStateRef? From(CountryCode? code, string? name, ApiAddresses addresses) =>
        code is { } c ? new ApiStateRef(c.Value, name, addresses.State(c)) : null;
}

/// <summary>A party as a statement names it, with the state it speaks for.</summary>
public sealed record ApiPartyRef(string Slug, string Name, string? State, ApiLinks Links);

/// <summary>A related statement: its id, kind, lead party and date.</summary>
public sealed record ApiStatementRef(int Id, StatementKind Kind, string? LeadParty, ApiDate? Date, ApiLinks Links);
