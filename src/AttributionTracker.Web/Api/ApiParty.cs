using System.ComponentModel;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Parties;

namespace AttributionTracker.Web.Api;

/// <summary>A party as the party list shows it.</summary>
public sealed record ApiPartySummary(
    int Id,
    string Slug,
    string Name,
    PartyKind Kind,
    [property: Description("The state it speaks for; companies and international organisations speak for none.")] ApiStateRef? State,
    [property: Description("Public statements it made or co-signed.")] int Statements,
    ApiLinks Links);

/// <summary>One party: who it is, whom it belongs to, and how many statements of each kind it made.</summary>
public sealed record ApiParty(
    int Id,
    string Slug,
    string Name,
    PartyKind Kind,
    ApiStateRef? State,
    [property: Description("For an official: the office.")] string? Role,
    [property: Description("For an official: the person holding the office when quoted.")] string? PersonName,
    ApiRef? Parent,
    IReadOnlyList<string> Aliases,
    [property: Description("The parties that belong to it.")] IReadOnlyList<ApiRef> Members,
    [property: Description("Markdown.")] string? Description,
    [property: Description("Its public statements by kind.")] IReadOnlyList<ApiKindCount> Statements,
    ApiPartyLinks Links)
{
    public static ApiParty From(PartyView party, Slug slug, IReadOnlyList<ApiKindCount> statements, ApiAddresses addresses)
    {
        var links = addresses.Party(slug);
        return new ApiParty(
            party.Id,
            slug.Value,
            party.Name,
            party.Kind,
            ApiStateRef.From(party.State, party.StateName, addresses),
            party.Role,
            party.PersonName,
            party.Parent is { } p ? new ApiRef(p.Slug.Value, p.Name, addresses.Party(p.Slug)) : null,
            party.Aliases,
            [.. party.Members.Select(m => new ApiRef(m.Slug.Value, m.Name, addresses.Party(m.Slug)))],
            party.Description,
            statements,
            new ApiPartyLinks(links.Self, links.Html, addresses.Api("/statements", new KeyValuePair<string, string>("by", slug.Value))));
    }
}

public sealed record ApiKindCount(StatementKind Kind, int Count);

/// <summary>The party's addresses and its statements (the statement list filtered by it).</summary>
public sealed record ApiPartyLinks(string Self, string Html, string Statements);
