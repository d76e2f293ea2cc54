using System.ComponentModel;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages.States;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api;

public static class StateEndpoints
{
    public static void MapStates(this RouteGroupBuilder api)
    {
        var states = api.MapGroup("/states").WithTags("States");
        states.MapGet("", ListAsync)
            .WithName("ListStates")
            .WithSummary("List states")
            .WithDescription("The states that accused, were accused or denied (all=true: all 249), by English name, with their counts, as the /states page lists them.")
            .Produces<ApiPage<ApiStateSummary>>()
            .ProducesValidationProblem();
        states.MapGet("/{code}", GetAsync)
            .WithName("GetState")
            .WithSummary("Get one state")
            .WithDescription("Names, counts, the parties that speak for it, the actors it sponsors per reference data, and links to its statements as accuser and as accused.")
            .Produces<ApiState>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        AttributionDbContext db, HttpContext context, [AsParameters] StateListParameters filter, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var (page, errors) = paging.Read();
        var all = ApiFlag.Read(StateListParameters.AllName, filter.All, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var statements = db.Statements.AsNoTracking().PublicOn(context.AsOf());
        var (total, rows) = await page.TakeAsync(StateList.Counted(db.States.AsNoTracking(), statements, all), cancellationToken);
        var addresses = new ApiAddresses(context);
        return TypedResults.Ok(ApiPage<ApiStateSummary>.Create(context, page, total, [.. rows.Select(r => ApiStateSummary.From(r, addresses))]));
    }

    private static async Task<IResult> GetAsync(
        AttributionDbContext db, HttpContext context, [Description("The state's ISO 3166-1 alpha-2 code, such as CN (any case).")] string code, CancellationToken cancellationToken)
    {
        var state = CountryCode.TryParse(code, out var key)
            ? await StateView.Query(db, db.States.AsNoTracking().Where(s => s.Code == key)).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (state is null)
        {
            return ApiProblems.NotFound($"No state has the code “{code}”.");
        }

        var statements = db.Statements.AsNoTracking().PublicOn(context.AsOf());
        var counts = await StateList.Counted(db.States.AsNoTracking().Where(s => s.Code == key), statements, all: true).SingleAsync(cancellationToken);
        var addresses = new ApiAddresses(context);
        var sponsored = await db.Actors.AsNoTracking().Where(a => a.SponsorStateCode == key).OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new { a.Slug, a.Name })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(ApiState.From(state, counts, sponsored.Select(a => new ApiRef(a.Slug.Value, a.Name, addresses.Actor(a.Slug))), addresses));
    }
}

public sealed class StateListParameters
{
    public const string AllName = "all";

    [FromQuery(Name = AllName)]
    [Description("true: every state, not only those that accused, were accused or denied.")]
    public string? All { get; set; }
}
