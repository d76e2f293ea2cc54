using System.Net;
using System.Text.Json;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>One API response: its status, media type, JSON body and Location, as a client sees them.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, string? MediaType, JsonElement Json, Uri? Location)
{
    public static async Task<ApiAnswer> GetAsync(HttpClient client, string url)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await client.GetAsync(url, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var json = mediaType is "application/json" or "application/problem+json" ? JsonDocument.Parse(body).RootElement.Clone() : default;
        return new ApiAnswer(response.StatusCode, mediaType, json, response.Headers.Location);
    }

    public JsonElement Items => Json.GetProperty("items");

    /// <summary>A string property of each item ("slug", "name").</summary>
    public List<string> ItemStrings(string property) => [.. Items.EnumerateArray().Select(i => i.GetProperty(property).GetString()!)];

    /// <summary>The messages of a 400's errors under a query name.</summary>
    public List<string> ErrorsFor(string name) =>
        Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(name, out var messages)
            ? [.. messages.EnumerateArray().Select(m => m.GetString()!)]
            : [];
}

internal static class JsonElementExtensions
{
    /// <summary>The string at a property path ("accusedState", "code"), or null where any step is missing or null.</summary>
    public static string? At(this JsonElement element, params string[] path)
    {
        foreach (var step in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => element.GetRawText(),
        };
    }

    public static IEnumerable<JsonElement> Each(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray();
}
