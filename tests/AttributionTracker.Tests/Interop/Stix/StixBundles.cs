using System.Text.Json;
using System.Text.Json.Nodes;
using AttributionTracker.Interop.Stix;

namespace AttributionTracker.Tests.Interop.Stix;

/// <summary>What the tests ask of a bundle: its objects by type, schema problems, canonical text.</summary>
internal static class StixBundles
{
    public static IReadOnlyList<JsonObject> Objects(JsonObject bundle) => [.. bundle["objects"]!.AsArray().Select(o => o!.AsObject())];

    public static IEnumerable<JsonObject> OfType(JsonObject bundle, string type) => Objects(bundle).Where(o => (string?)o["type"] == type);

    public static IReadOnlyList<StixProblem> SchemaProblems(JsonObject bundle)
    {
        using var doc = JsonDocument.Parse(bundle.ToJsonString());
        return [.. doc.RootElement.GetProperty("objects").EnumerateArray().SelectMany((o, i) => StixSchemas.Instance.Validate(o, $"$.objects[{i}]"))];
    }

    /// <summary>Every *_ref / *_refs value anywhere in the bundle that names no object of it.</summary>
    public static IReadOnlyList<string> DanglingRefs(JsonObject bundle)
    {
        var ids = Objects(bundle).Select(o => (string)o["id"]!).ToHashSet();
        var dangling = new List<string>();
        void Walk(JsonNode? node, string name)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        Walk(v, k);
                    }

                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        Walk(v, name);
                    }

                    break;
                case JsonValue v when (name.EndsWith("_ref", StringComparison.Ordinal) || name.EndsWith("_refs", StringComparison.Ordinal) || name == "x_attribution_answers")
                    && v.TryGetValue<string>(out var id) && !ids.Contains(id):
                    dangling.Add($"{name}: {id}");
                    break;
            }
        }

        Walk(bundle["objects"], "");
        return dangling;
    }

    /// <summary>The JSON with every object's keys sorted: two bundles are the same when these are equal.</summary>
    public static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
