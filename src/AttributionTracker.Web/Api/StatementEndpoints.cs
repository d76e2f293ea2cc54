using System.ComponentModel;
using AttributionTracker.Data;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages;
using AttributionTracker.Web.Pages.Statements;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api;

public static class StatementEndpoints
{
    public static void MapStatements(this RouteGroupBuilder api)
    {
        var statements = api.MapGroup("/statements").WithTags("Statements");
        statements.MapGet("", ListAsync)
            .WithName("ListStatements")
            .WithSummary("List statements")
            .WithDescription("The statements matching the incident list's filters (all of them combine with \"and\"), newest first.")
            .Produces<ApiPage<ApiStatement>>()
            .ProducesValidationProblem();
        statements.MapGet("/{id:int}", GetAsync)
            .WithName("GetStatement")
            .WithSummary("Get one statement")
            .WithDescription("Kind, parties, incident, accused actor and state, confidence, date, quote, source and span, what it answers and what answered it, and an editor's retraction.")
            .Produces<ApiStatement>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        AttributionDbContext db, HttpContext context, [AsParameters] StatementFilterParameters filter, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var (page, errors) = paging.Read();
        var parsed = StatementFilterQuery.Parse(filter.Value, context.AsOf());
        errors.AddRange(parsed.Errors);
        errors.AddRange(await parsed.Filter.FindUnknownAsync(db, cancellationToken));
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var ordered = parsed.Filter.Apply(db.Statements.AsNoTracking()).Newest();
        var (total, rows) = await page.TakeAsync(ordered, q => StatementView.Query(q).AsSplitQuery(), cancellationToken);
        var addresses = new ApiAddresses(context);
        return TypedResults.Ok(ApiPage<ApiStatement>.Create(context, page, total, [.. rows.Select(s => ApiStatement.From(s, addresses))]));
    }

    private static async Task<IResult> GetAsync(
        AttributionDbContext db, HttpContext context, [Description("The statement's id.")] int id, CancellationToken cancellationToken)
    {
        var statement = await ApiStatement.LoadAsync(db, id, context, cancellationToken);
        return statement is null
            ? ApiProblems.NotFound(context.AsOf() is { } day && await db.Statements.AnyAsync(s => s.Id == id, cancellationToken)
                ? $"Statement {id} was not public by the as-of day {day:yyyy-MM-dd}."
                : $"No statement has the id {id}.")
            : TypedResults.Ok(statement);
    }
}
