using System.ComponentModel;
using AttributionTracker.Data;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages.Sources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api;

public static class SourceEndpoints
{
    public const string IncludeName = "include";
    public const string Text = "text";

    public static void MapSources(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/sources").WithTags("Sources");
        sources.MapGet("/{id:int}", GetAsync)
            .WithName("GetSource")
            .WithSummary("Get one source")
            .WithDescription("Title, publisher, address, language, publication date and the statements read from it with their spans; include=text adds the stored text the spans index into. A source published after the as-of day is not found.")
            .Produces<ApiSource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(
        AttributionDbContext db,
        HttpContext context,
        [Description("The source's id.")] int id,
        [FromQuery(Name = IncludeName)][Description("text: add the stored text.")] string? include,
        CancellationToken cancellationToken)
    {
        var parts = (include ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.FirstOrDefault(p => !string.Equals(p, Text, StringComparison.OrdinalIgnoreCase)) is { } unknown)
        {
            return ApiProblems.Invalid([new StatementFilterError(IncludeName, $"“{unknown}” cannot be included: the only choice is {Text}.")]);
        }

        var source = await SourceView.Query(db.Sources.AsNoTracking().Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            return ApiProblems.NotFound($"No source has the id {id}.");
        }

        var asOf = context.AsOf();
        if (asOf is { } day && !(source.PublishedOn?.Start <= day))
        {
            return ApiProblems.NotFound(source.PublishedOn is { } published
                ? $"This source was published on {published.ToDisplayString()}, after the as-of day {day:yyyy-MM-dd}."
                : "This source has no publication date, so it is left out of as-of views.");
        }

        var addresses = new ApiAddresses(context);
        var statements = await db.Statements.AsNoTracking().PublicOn(asOf).Where(s => s.SourceId == id)
            .OrderBy(s => s.SpanStart).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Kind, s.SpanStart, s.SpanEnd })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(ApiSource.From(
            source,
            [.. statements.Select(s => new ApiSourceStatement(s.Id, s.Kind, s.SpanStart, s.SpanEnd, addresses.Statement(s.Id)))],
            parts.Length > 0,
            addresses));
    }
}
