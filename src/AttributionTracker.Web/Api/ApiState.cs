using System.ComponentModel;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.Pages.States;

namespace AttributionTracker.Web.Api;

/// <summary>A state as the state list shows it, with how often it accused, was accused and denied.</summary>
public sealed record ApiStateSummary(
    string Code,
    string NameEn,
    string NameEs,
    [property: Description("Statements (denials apart) made by parties that speak for it.")] int AsAccuser,
    [property: Description("Statements (denials apart) that name it as accused.")] int AsAccused,
    [property: Description("Denials made by parties that speak for it.")] int Denials,
    ApiLinks Links)
{
    public static ApiStateSummary From(StateCounts counts, ApiAddresses addresses) =>
        new(counts.Code.Value, counts.NameEn, counts.NameEs, counts.AsAccuser, counts.AsAccused, counts.Denials, addresses.State(counts.Code));
}

/// <summary>One state both ways: its parties, the actors reference data says it sponsors, and what was said by and about it.</summary>
public sealed record ApiState(
    string Code,
    string NameEn,
    string NameEs,
    int AsAccuser,
    int AsAccused,
    int Denials,
    [property: Description("The parties that speak for it.")] IReadOnlyList<ApiRef> Parties,
    [property: Description("The actors reference data says it sponsors: not attributions by themselves.")] IReadOnlyList<ApiRef> SponsoredActors,
    ApiStateLinks Links)
{
    public static ApiState From(StateView state, StateCounts counts, IEnumerable<ApiRef> sponsored, ApiAddresses addresses)
    {
        var links = addresses.State(state.Code);
        return new ApiState(
            state.Code.Value,
            state.NameEn,
            state.NameEs,
            counts.AsAccuser,
            counts.AsAccused,
            counts.Denials,
            [.. state.Parties.Select(p => new ApiRef(p.Slug.Value, p.Name, addresses.Party(p.Slug)))],
            [.. sponsored],
            new ApiStateLinks(
                links.Self,
                links.Html,
                addresses.Api("/statements", new KeyValuePair<string, string>(StatementFilterQuery.AccusingState, state.Code.Value)),
                addresses.Api("/statements", new KeyValuePair<string, string>(StatementFilterQuery.AccusedState, state.Code.Value))));
    }
}

/// <summary>The state's addresses and the statement lists of its parties (accuser) and naming it (accused).</summary>
public sealed record ApiStateLinks(string Self, string Html, string StatementsAsAccuser, string StatementsAsAccused);
