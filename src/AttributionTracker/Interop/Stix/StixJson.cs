using System.Text.Json.Nodes;

namespace AttributionTracker.Interop.Stix;

/// <summary>Small helpers that keep exported objects valid: STIX forbids null values and empty lists.</summary>
internal static class StixJson
{
    public static JsonObject Put(this JsonObject o, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            o[name] = value;
        }

        return o;
    }

    public static JsonObject Put(this JsonObject o, string name, int? value)
    {
        if (value is { } v)
        {
            o[name] = v;
        }

        return o;
    }

    public static JsonObject Put(this JsonObject o, string name, JsonNode? value)
    {
        if (value is JsonArray { Count: 0 } or JsonObject { Count: 0 } or null)
        {
            return o;
        }

        o[name] = value;
        return o;
    }

    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)];

    public static JsonObject Core(string type, string id, DateTime created, DateTime modified) => new()
    {
        ["type"] = type,
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created"] = StixTime.Format(created),
        ["modified"] = StixTime.Format(modified),
    };
}
