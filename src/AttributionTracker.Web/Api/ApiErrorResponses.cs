using Microsoft.AspNetCore.Diagnostics;

namespace AttributionTracker.Web.Api;

/// <summary>
/// Keeps the app's friendly HTML error pages away from API clients: under <c>/api/</c> an error status without a
/// body (an unknown address, a wrong method, a refused request) gets problem details instead of the status page,
/// and an exception gets a 500 problem with a reference, never a page or a stack trace.
/// </summary>
public static class ApiErrorResponses
{
    /// <summary>True for the API's addresses; <c>/api</c> itself is the human reference page.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", out var rest) && rest.HasValue && rest != "/";

    /// <summary>Use after <c>UseStatusCodePagesWithReExecute</c>, so a body written here leaves the status page out.</summary>
    public static IApplicationBuilder UseApiProblemResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            var response = context.Response;
            if (IsApi(context.Request.Path) && response.StatusCode >= 400 && !response.HasStarted
                && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            {
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = response.StatusCode,
                        Detail = response.StatusCode switch
                        {
                            StatusCodes.Status404NotFound => $"Nothing in the API answers at {context.Request.Path}; the endpoints are listed at /api.",
                            StatusCodes.Status405MethodNotAllowed => $"{context.Request.Path} does not answer {context.Request.Method}.",
                            _ => null,
                        },
                    },
                });
            }
        });
}

/// <summary>An exception under <c>/api/</c> ends as a 500 problem with the request's reference; the log has the rest.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; the feature keeps the address asked for.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!ApiErrorResponses.IsApi(new PathString(path)))
        {
            return false;
        }

        // An exception a handler takes is not logged by the middleware (.NET 10), so it is logged here.
        logger.LogError(exception, "API request {Path} failed; reference {TraceId}", path, httpContext.TraceIdentifier);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "The request failed.",
                Detail = $"Something went wrong on our side; the log has it under reference {httpContext.TraceIdentifier}.",
            },
        });
    }
}
