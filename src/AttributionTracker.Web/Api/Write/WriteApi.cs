using AttributionTracker.Data;
using AttributionTracker.Web.Accounts;

namespace AttributionTracker.Web.Api.Write;

public static class WriteApi
{
    /// <summary>
    /// The JSON API's writes under <c>/api/v1</c>: editors and admins only, through a personal access token only
    /// (<see cref="Policies.ApiEditor"/>), every change recorded in history under the token owner's account.
    /// </summary>
    public static IEndpointRouteBuilder MapWriteApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policies.ApiEditor)
            .WithTags("Write")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AddEndpointFilter(async (context, next) =>
            {
                // What ChangedByPageFilter does for pages: history's "who" is the account the token belongs to.
                if (context.HttpContext.User.Identity is { IsAuthenticated: true, Name: { } name })
                {
                    context.HttpContext.RequestServices.GetRequiredService<AttributionDbContext>().ChangedBy = name;
                }

                return await next(context);
            });

        StatementWrites.Map(api);
        ActorWrites.Map(api);
        IncidentWrites.Map(api);
        PartyWrites.Map(api);
        return app;
    }
}
