using System.ComponentModel;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages;
using AttributionTracker.Web.Pages.Actors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api;

public static class ActorEndpoints
{
    public static void MapActors(this RouteGroupBuilder api)
    {
        var actors = api.MapGroup("/actors").WithTags("Actors");
        actors.MapGet("", ListAsync)
            .WithName("ListActors")
            .WithSummary("List actors")
            .WithDescription("Actors by name, as the /actors page lists them: optionally only those whose name or any alias contains q, or only those some public statement accuses.")
            .Produces<ApiPage<ApiActorSummary>>()
            .ProducesValidationProblem();
        actors.MapGet("/{slug}", GetAsync)
            .WithName("GetActor")
            .WithSummary("Get one actor")
            .WithDescription("Aliases with language and coiner, external ids, sponsor state, relations both ways, what it is accused of, and links to its incidents and statements. A merged actor's old slug answers 301 to the actor that absorbed it.")
            .Produces<ApiActor>()
            .Produces(StatusCodes.Status301MovedPermanently)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        AttributionDbContext db, HttpContext context, [AsParameters] ActorListParameters filter, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var (page, errors) = paging.Read();
        var onlyAccused = ApiFlag.Read(ActorListParameters.AccusedName, filter.Accused, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var statements = db.Statements.AsNoTracking().PublicOn(context.AsOf());
        var rows = ActorList.Matching(db.Actors.AsNoTracking(), statements, filter.Q, onlyAccused)
            .Select(a => new
            {
                a.Id,
                a.Slug,
                a.Name,
                a.Kind,
                a.SponsorStateCode,
                SponsorStateName = a.SponsorState == null ? null : a.SponsorState.NameEn,
                Statements = statements.Count(s => s.AccusedActorId == a.Id),
            });
        var (total, taken) = await page.TakeAsync(rows, cancellationToken);
        var addresses = new ApiAddresses(context);
        return TypedResults.Ok(ApiPage<ApiActorSummary>.Create(context, page, total,
        [
            .. taken.Select(a => new ApiActorSummary(a.Id, a.Slug.Value, a.Name, a.Kind,
                ApiStateRef.From(a.SponsorStateCode, a.SponsorStateName, addresses), a.Statements, addresses.Actor(a.Slug))),
        ]));
    }

    private static async Task<IResult> GetAsync(
        AttributionDbContext db, HttpContext context, [Description("The actor's slug, such as hafnium.")] string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return ApiProblems.NotFound($"No actor has the slug “{slug}”.");
        }

        var actor = await ActorView.Query(db.Actors.AsNoTracking().Where(a => a.Slug == key)).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        if (actor is null)
        {
            var movedTo = await db.SlugRedirects.AsNoTracking().Where(r => r.OldSlug == key).Select(r => (Slug?)r.Actor!.Slug).SingleOrDefaultAsync(cancellationToken);
            return movedTo is { } target
                ? TypedResults.Redirect(context.Request.PathBase + ApiAddresses.Root + "/actors/" + target.Value + context.Request.QueryString, permanent: true)
                : ApiProblems.NotFound($"No actor has the slug “{slug}”.");
        }

        var statements = db.Statements.AsNoTracking().PublicOn(context.AsOf());
        var summary = await AttributedIncidents.SummarizeAsync(AttributedIncidents.Naming(statements, actor.Id), cancellationToken);
        var denials = await DenialRows.Concerning(db, statements, actor.Id).CountAsync(cancellationToken);
        return TypedResults.Ok(ApiActor.From(actor, key, summary, denials, new ApiAddresses(context)));
    }
}

public sealed class ActorListParameters
{
    public const string AccusedName = "accused";

    [FromQuery(Name = "q")]
    [Description("A name or any alias, in part, in any case, with or without accents (hafnio).")]
    public string? Q { get; set; }

    [FromQuery(Name = AccusedName)]
    [Description("true: only actors some public statement accuses.")]
    public string? Accused { get; set; }
}
