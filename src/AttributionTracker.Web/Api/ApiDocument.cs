using AttributionTracker.Web.AsOfViews;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AttributionTracker.Web.Api;

/// <summary>The OpenAPI document of the API at <c>/openapi/v1.json</c>; the reference page at <c>/api</c> is drawn from it.</summary>
public static class ApiDocument
{
    public const string Name = "v1";

    public const string Title = "AttributionTracker API";

    public const string Description =
        "Read-only JSON over the public record of cyber-attribution claims: who accused whom of which incident, in "
        + "what words, with what confidence, and who denied it. Lists are paged (page, pageSize ≤ 200); every "
        + "address takes asof=YYYY-MM-DD to see the record as it stood that day. Errors are problem details.";

    public static void Configure(OpenApiOptions options)
    {
        // Only the API: pages and other endpoints are for browsers, not for this document.
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = Title;
            document.Info.Description = Description;
            return Task.CompletedTask;
        });

        // The as-of day is read for every API address by one endpoint filter, not by each handler, so it is
        // documented here once.
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true
                && string.Equals(context.Description.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = AsOfPageFilter.QueryName,
                    In = ParameterLocation.Query,
                    Description = "Only what had been said publicly by this day (YYYY-MM-DD); links in the answer keep it.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                });
            }

            return Task.CompletedTask;
        });
    }
}
