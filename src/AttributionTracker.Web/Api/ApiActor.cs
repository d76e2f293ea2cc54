using System.ComponentModel;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Actors;

namespace AttributionTracker.Web.Api;

/// <summary>An actor as the actor list shows it.</summary>
public sealed record ApiActorSummary(
    int Id,
    string Slug,
    string Name,
    ActorKind Kind,
    [property: Description("The sponsoring state as reference data says: not an attribution by itself.")] ApiStateRef? SponsorState,
    [property: Description("Public statements that accuse it (as of the asof day).")] int Statements,
    ApiLinks Links);

/// <summary>One actor: every name it goes by, its identifiers, its links to other actors both ways, and what it is accused of.</summary>
public sealed record ApiActor(
    int Id,
    string Slug,
    string Name,
    ActorKind Kind,
    [property: Description("The sponsoring state as reference data says: not an attribution by itself.")] ApiStateRef? SponsorState,
    [property: Description("Markdown.")] string? Description,
    IReadOnlyList<ApiAlias> Aliases,
    IReadOnlyList<ApiExternalId> ExternalIds,
    IReadOnlyList<string> References,
    [property: Description("Links from this actor: it operates for, or is part of, these actors.")] IReadOnlyList<ApiRelation> RelatesTo,
    [property: Description("Links to this actor: these actors operate for, or are part of, it.")] IReadOnlyList<ApiRelation> RelatedFrom,
    ApiActorCounts Counts,
    ApiActorLinks Links)
{
    public static ApiActor From(ActorView actor, Slug slug, AccusationSummary summary, int denials, ApiAddresses addresses)
    {
        var links = addresses.Actor(slug);
        return new ApiActor(
            actor.Id,
            slug.Value,
            actor.Name,
            actor.Kind,
            ApiStateRef.From(actor.SponsorState, actor.SponsorStateName, addresses),
            actor.Description,
            [.. actor.Aliases.Select(a => new ApiAlias(a.Name, a.Language, a.CoinedBy is { } p ? new ApiRef(p.Slug.Value, p.Name, addresses.Party(p.Slug)) : null))],
            [.. actor.ExternalIds.Select(e => new ApiExternalId(e.System, e.Value))],
            actor.References,
            [.. actor.LinksTo.Select(r => ApiRelation.From(r, addresses))],
            [.. actor.LinkedFrom.Select(r => ApiRelation.From(r, addresses))],
            new ApiActorCounts(summary.Statements, summary.Incidents, summary.Accusers, denials, ApiDate.From(summary.First), ApiDate.From(summary.Latest)),
            new ApiActorLinks(
                links.Self,
                links.Html,
                addresses.Api("/incidents", new KeyValuePair<string, string>("actor", slug.Value)),
                addresses.Api("/statements", new KeyValuePair<string, string>("actor", slug.Value))));
    }
}

/// <summary>Another name of an actor, its language where it is language-specific, and who coined it where known.</summary>
public sealed record ApiAlias(string Name, string? Language, ApiRef? CoinedBy);

/// <summary>An identifier in another system: <c>mitre-attack</c> (G0125) or <c>misp</c> (a galaxy cluster uuid).</summary>
public sealed record ApiExternalId(string System, string Value);

/// <summary>A link between two actors: operates-for or part-of, with who established it.</summary>
public sealed record ApiRelation(ActorRelationKind Kind, ApiRef Actor, string? Note)
{
    public static ApiRelation From(RelationView relation, ApiAddresses addresses) =>
        new(relation.Kind, new ApiRef(relation.Actor.Slug.Value, relation.Actor.Name, addresses.Actor(relation.Actor.Slug)), relation.Note);
}

/// <summary>What the actor is accused of: statements naming it (denials apart), their incidents and accusers, and denials concerning it.</summary>
public sealed record ApiActorCounts(int Statements, int Incidents, int Accusers, int Denials, ApiDate? FirstAttribution, ApiDate? LatestAttribution);

/// <summary>The actor's addresses, and the incidents and statements that name it (the same filters as the lists).</summary>
public sealed record ApiActorLinks(string Self, string Html, string Incidents, string Statements);
