using System.ComponentModel;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages.Incidents;
using AttributionTracker.Web.Pages.Statements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api;

public static class IncidentEndpoints
{
    public static void MapIncidents(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("", ListAsync)
            .WithName("ListIncidents")
            .WithSummary("List incidents")
            .WithDescription("Exactly the rows of the /incidents page for the same query: one per incident with at least one matching statement (every incident when nothing is filtered), described by its matching statements only.")
            .Produces<ApiPage<ApiIncidentSummary>>()
            .ProducesValidationProblem();
        incidents.MapGet("/{slug}", GetAsync)
            .WithName("GetIncident")
            .WithSummary("Get one incident")
            .WithDescription("Facts, partial dates, victims and the statements about it that were public on the as-of day.")
            .Produces<ApiIncident>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        AttributionDbContext db,
        HttpContext context,
        [AsParameters] StatementFilterParameters filter,
        [AsParameters] IncidentSortParameter sorting,
        [AsParameters] PageParameters paging,
        CancellationToken cancellationToken)
    {
        var (page, errors) = paging.Read();
        var request = await ListRequest.ReadAsync(db, name => name == ListSort.QueryName ? sorting.Sort : filter.Value(name), context.AsOf(), cancellationToken);
        errors.AddRange(request.Errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var (total, summaries) = await page.TakeAsync(ListQuery.Summaries(db, request.Filter, request.Sort), cancellationToken);
        var rows = await ListQuery.RowsAsync(db, request.Filter, summaries, cancellationToken);
        var codes = rows.SelectMany(r => r.AccusedStates.Concat(r.AccusingStates)).Distinct().ToList();
        var names = codes.Count == 0 ? new Dictionary<CountryCode, string>()
            : await db.States.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.NameEn, cancellationToken);
        var addresses = new ApiAddresses(context);
        return TypedResults.Ok(ApiPage<ApiIncidentSummary>.Create(context, page, total,
            [.. summaries.Zip(rows, (summary, row) => ApiIncidentSummary.From(summary, row, names, addresses))]));
    }

    private static async Task<IResult> GetAsync(
        AttributionDbContext db, HttpContext context, [Description("The incident's slug.")] string slug, CancellationToken cancellationToken)
    {
        var incident = Slug.TryParse(slug, out var key)
            ? await IncidentView.Query(db.Incidents.AsNoTracking().Where(i => i.Slug == key)).AsSplitQuery().SingleOrDefaultAsync(cancellationToken)
            : null;
        if (incident is null)
        {
            return ApiProblems.NotFound($"No incident has the slug “{slug}”.");
        }

        var statements = await StatementView.Query(db.Statements.AsNoTracking().PublicOn(context.AsOf())
                .Where(s => s.IncidentId == incident.Id)
                .OrderBy(s => s.Date == null).ThenBy(s => s.Date!.Start).ThenBy(s => s.Date!.Precision).ThenBy(s => s.Id))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(ApiIncident.From(incident, key, statements, new ApiAddresses(context)));
    }
}

public sealed class IncidentSortParameter
{
    [FromQuery(Name = ListSort.QueryName)]
    [Description("date, latest, name, statements or confidence, with -asc or -desc (date-desc when not given), as on the /incidents page.")]
    public string? Sort { get; set; }
}
