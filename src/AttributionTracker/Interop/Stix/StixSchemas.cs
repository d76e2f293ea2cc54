using System.Reflection;
using System.Text.Json;
using Json.Schema;

namespace AttributionTracker.Interop.Stix;

/// <summary>
/// The OASIS STIX 2.1 JSON schemas (embedded; BSD-3, see Schemas/LICENSE), all registered together so their $refs to
/// each other resolve. Each object is checked against the schema of its own type, or the common core for a type the
/// schemas do not define (custom objects must still be well-formed STIX).
/// </summary>
public sealed class StixSchemas
{
    private const string Prefix = "AttributionTracker.Stix.";
    private static readonly Lazy<StixSchemas> Shared = new(() => new StixSchemas());
    private readonly Dictionary<string, JsonSchema> byName = new(StringComparer.Ordinal);
    private readonly EvaluationOptions evaluation = new() { OutputFormat = OutputFormat.List };

    private StixSchemas()
    {
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var assembly = typeof(StixSchemas).Assembly;
        var texts = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..].Replace('\\', '/'), n => Read(assembly, n));

        // Build in dependency order (common first): a schema's $refs must be known when it is built.
        foreach (var (name, text) in texts.OrderBy(t => t.Key.StartsWith("common/", StringComparison.Ordinal) ? 0 : 1).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            byName[name] = JsonSchema.FromText(text, build, jsonOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
    }

    public static StixSchemas Instance => Shared.Value;

    public IReadOnlyCollection<string> Names => byName.Keys;

    /// <summary>The schema violations of one object, each with the JSON path below <paramref name="path"/>.</summary>
    public IReadOnlyList<StixProblem> Validate(JsonElement stixObject, string path)
    {
        var type = stixObject.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
        var id = stixObject.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var schema = SchemaFor(type);
        var result = schema.Evaluate(stixObject, evaluation);
        if (result.IsValid)
        {
            return [];
        }

        var problems = new List<StixProblem>();
        foreach (var detail in (result.Details ?? []).Prepend(result))
        {
            foreach (var (_, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                var at = path + detail.InstanceLocation.ToString().Replace('/', '.');
                var problem = new StixProblem(id, at.TrimEnd('.'), message);
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
        }

        if (problems.Count == 0)
        {
            problems.Add(new StixProblem(id, path, $"does not match the STIX 2.1 schema for \"{type}\""));
        }

        return problems;
    }

    private JsonSchema SchemaFor(string type)
    {
        foreach (var folder in new[] { "sdos", "sros", "observables", "common" })
        {
            if (type is not ("core" or "bundle" or "properties") && byName.TryGetValue($"{folder}/{type}.json", out var schema))
            {
                return schema;
            }
        }

        return byName["common/core.json"];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
