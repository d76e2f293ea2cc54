using System.ComponentModel;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Incidents;
using AttributionTracker.Web.Pages.Statements;

namespace AttributionTracker.Web.Api;

/// <summary>A row of the incident list: an incident described by its matching statements only.</summary>
public sealed record ApiIncidentSummary(
    int Id,
    string Slug,
    string Name,
    ApiDate? Date,
    [property: Description("The parties of the matching statements.")] IReadOnlyList<ApiPartyRef> Accusers,
    [property: Description("The states those parties speak for.")] IReadOnlyList<ApiStateRef> AccusingStates,
    IReadOnlyList<ApiRef> AccusedActors,
    IReadOnlyList<ApiStateRef> AccusedStates,
    [property: Description("The highest PHIA term among the matching statements, or null.")] string? HighestConfidence,
    [property: Description("How many statements match.")] int Statements,
    ApiDate? LatestStatement,
    ApiLinks Links)
{
    public static ApiIncidentSummary From(ListSummary summary, ListRow row, IReadOnlyDictionary<CountryCode, string> stateNames, ApiAddresses addresses)
    {
        ApiStateRef State(CountryCode code) => ApiStateRef.From(code, stateNames.GetValueOrDefault(code), addresses)!;
        return new ApiIncidentSummary(
            summary.Id,
            row.Slug.Value,
            row.Name,
            ApiDate.From(row.Date),
            [.. row.Accusers.Select(p => new ApiPartyRef(p.Slug.Value, p.Name, p.State?.Value, addresses.Party(p.Slug)))],
            [.. row.AccusingStates.Select(State)],
            [.. row.AccusedActors.Select(a => new ApiRef(a.Slug.Value, a.Name, addresses.Actor(a.Slug)))],
            [.. row.AccusedStates.Select(State)],
            row.HighestConfidence?.ToTerm(),
            row.Statements,
            ApiDate.From(row.LatestStatement),
            addresses.Incident(row.Slug));
    }
}

/// <summary>One incident: its facts, partial dates, victims, and every statement about it public on the as-of day.</summary>
public sealed record ApiIncident(
    int Id,
    string Slug,
    string Name,
    IReadOnlyList<string> Aliases,
    ApiDate? StartDate,
    ApiDate? EndDate,
    [property: Description("Markdown.")] string? Summary,
    [property: Description("Its size in the source's words.")] string? Scale,
    IncidentType Type,
    IReadOnlyList<ApiVictim> Victims,
    [property: Description("In date order, undated last.")] IReadOnlyList<ApiStatement> Statements,
    ApiLinks Links)
{
    public static ApiIncident From(IncidentView incident, Slug slug, IEnumerable<StatementView> statements, ApiAddresses addresses) => new(
        incident.Id,
        slug.Value,
        incident.Name,
        incident.Aliases,
        ApiDate.From(incident.StartDate),
        ApiDate.From(incident.EndDate),
        incident.Summary,
        incident.Scale,
        incident.Type,
        [.. incident.Victims.Select(v => new ApiVictim(v.Name, ApiStateRef.From(v.State, v.StateName, addresses)))],
        [.. statements.Select(s => ApiStatement.From(s, addresses))],
        addresses.Incident(slug));
}

public sealed record ApiVictim(string Name, ApiStateRef? State);
