using System.Text.Json;
using System.Text.Json.Serialization;

namespace AttributionTracker.Web.Api.Write;

/// <summary>
/// Reads a write's JSON body, turning every way it can be wrong (not JSON, not an object of the expected shape, a
/// field this API does not have) into a 400 problem that says what is wrong, instead of the framework's bare 400.
/// </summary>
internal static class JsonBody
{
    // A misspelt field would otherwise be dropped in silence, and a full replacement (PUT) would clear the real one.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send JSON",
                detail: "The body must be a JSON object with 'Content-Type: application/json'."));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct);
            return body is null
                ? (null, Malformed("The body is empty or null; send a JSON object."))
                : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Malformed(e.Path is { Length: > 1 } path ? $"{Reason(e)} (at {path})." : Reason(e) + "."));
        }
    }

    private static IResult Malformed(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON for this request", detail: detail);

    // The serializer's message ends with its own path and position; the first sentence is the reason.
    private static string Reason(JsonException e) => e.Message.Split(" Path:", 2)[0].TrimEnd('.');
}
