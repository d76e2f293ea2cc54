using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;

namespace AttributionTracker.Web.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// JSON as the API writes it (camelCase, enums as kebab-case strings), problem details for its errors, and its
    /// OpenAPI document's title, description and the as-of parameter every endpoint takes.
    /// </summary>
    public static IServiceCollection AddAttributionApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<OpenApiOptions>(ApiDocument.Name, ApiDocument.Configure);
        return services;
    }
}
