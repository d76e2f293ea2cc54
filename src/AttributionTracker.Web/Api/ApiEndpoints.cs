using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;

namespace AttributionTracker.Web.Api;

public static class ApiEndpoints
{
    /// <summary>The read-only JSON API under <c>/api/v1</c> and its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapAttributionApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        var api = app.MapGroup(ApiAddresses.Root).AddEndpointFilter(ReadAsOfAsync);
        api.MapActors();
        api.MapIncidents();
        api.MapParties();
        api.MapStates();
        api.MapStatements();
        api.MapSources();
        return app;
    }

    /// <summary>
    /// Reads <c>asof</c> once for every API address, as the pages' filter does, so <c>HttpContext.AsOf()</c> means the
    /// same in both; a malformed day is a 400 with the pages' message.
    /// </summary>
    private static async ValueTask<object?> ReadAsOfAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var raw = context.HttpContext.Request.Query[AsOfPageFilter.QueryName].ToString();
        if (raw.Length > 0)
        {
            if (!AsOfPageFilter.TryParse(raw, out var day))
            {
                return ApiProblems.Invalid([new StatementFilterError(AsOfPageFilter.QueryName, AsOfPageFilter.NotADate(raw))]);
            }

            context.HttpContext.Features.Set(new AsOfFeature(day));
        }

        return await next(context);
    }
}
