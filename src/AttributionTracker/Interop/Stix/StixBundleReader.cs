using System.Text.Json;
using System.Text.RegularExpressions;

namespace AttributionTracker.Interop.Stix;

/// <summary>
/// Reads a STIX 2.1 bundle and checks all of it before anything is imported: JSON, the envelope, sizes, every object
/// against the OASIS schema of its type, duplicate ids, references to objects the bundle lacks, and strings no record
/// should hold (control and bidirectional-override characters). Every problem is reported, not just the first.
/// </summary>
public static partial class StixBundleReader
{
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxObjects = 50_000;
    public const int MaxStringLength = 1_000_000;
    private const int MaxProblems = 200;

    public static StixBundle Read(Stream json)
    {
        var bytes = ReadLimited(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new StixImportException([new StixProblem(null, "$", $"not valid JSON: {e.Message}")]);
        }

        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "bundle" || Text(root, "id") is not { } bundleId || !BundleId().IsMatch(bundleId))
        {
            doc.Dispose();
            throw new StixImportException([new StixProblem(null, "$", "not a STIX bundle: expected an object with \"type\": \"bundle\" and an \"id\" like \"bundle--<uuid>\"")]);
        }

        if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
        {
            doc.Dispose();
            throw new StixImportException([new StixProblem(bundleId, "$.objects", "a bundle to import needs an \"objects\" array")]);
        }

        if (objects.GetArrayLength() > MaxObjects)
        {
            doc.Dispose();
            throw new StixImportException([new StixProblem(bundleId, "$.objects", $"{objects.GetArrayLength()} objects; at most {MaxObjects} are accepted")]);
        }

        var problems = new List<StixProblem>();
        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var o in objects.EnumerateArray())
        {
            var path = $"$.objects[{index++}]";
            if (o.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new StixProblem(null, path, "not an object"));
                continue;
            }

            var id = Text(o, "id");
            if (Text(o, "spec_version") is { } version && version != "2.1")
            {
                problems.Add(new StixProblem(id, path + ".spec_version", $"spec_version \"{version}\": only STIX 2.1 is imported"));
                continue;
            }

            problems.AddRange(StixSchemas.Instance.Validate(o, path));
            CheckStrings(o, id, path, problems);
            if (id is null)
            {
                continue;
            }

            if (!byId.TryAdd(id, o))
            {
                problems.Add(new StixProblem(id, path + ".id", $"the id appears twice (first at {paths[id]})"));
                continue;
            }

            paths[id] = path;
        }

        foreach (var (id, o) in byId)
        {
            CheckRefs(o, id, paths[id], "", byId, problems);
        }

        if (problems.Count > 0)
        {
            doc.Dispose();
            throw new StixImportException([.. problems.Take(MaxProblems)]);
        }

        return new StixBundle(doc, bundleId, byId, paths);
    }

    internal static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static byte[] ReadLimited(Stream json)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = json.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new StixImportException([new StixProblem(null, "$", $"larger than {MaxBytes / 1024 / 1024} MB")]);
            }
        }

        return buffer.ToArray();
    }

    private static void CheckStrings(JsonElement e, string? id, string path, List<StixProblem> problems)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    CheckStrings(p.Value, id, $"{path}.{p.Name}", problems);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    CheckStrings(item, id, $"{path}[{i++}]", problems);
                }

                break;
            case JsonValueKind.String:
                var s = e.GetString()!;
                if (s.Length > MaxStringLength)
                {
                    problems.Add(new StixProblem(id, path, $"{s.Length} characters; at most {MaxStringLength} are accepted"));
                }
                else if (s.Any(IsHostile))
                {
                    var c = s.First(IsHostile);
                    problems.Add(new StixProblem(id, path, $"contains the control character U+{(int)c:X4}"));
                }

                break;
        }
    }

    // Line breaks and tabs are text; other controls, bidi overrides and lone surrogates only disguise it.
    private static bool IsHostile(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    private static void CheckRefs(JsonElement e, string id, string path, string name, Dictionary<string, JsonElement> byId, List<StixProblem> problems)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    // Markings are well-known definitions (TLP) that bundles often leave out.
                    if (p.Name is not ("object_marking_refs" or "granular_markings"))
                    {
                        CheckRefs(p.Value, id, $"{path}.{p.Name}", p.Name, byId, problems);
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    CheckRefs(item, id, $"{path}[{i++}]", name, byId, problems);
                }

                break;
            case JsonValueKind.String when IsRef(name) && !byId.ContainsKey(e.GetString()!):
                problems.Add(new StixProblem(id, path, $"refers to {e.GetString()}, which is not in the bundle"));
                break;
        }
    }

    private static bool IsRef(string name) =>
        name.EndsWith("_ref", StringComparison.Ordinal) || name.EndsWith("_refs", StringComparison.Ordinal) || name is X.Parties or X.Answers;

    [GeneratedRegex("^bundle--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex BundleId();
}

/// <summary>A bundle that passed every check: its objects by id, in file order.</summary>
public sealed class StixBundle(JsonDocument document, string id, Dictionary<string, JsonElement> objects, Dictionary<string, string> paths) : IDisposable
{
    public string Id { get; } = id;

    public IReadOnlyDictionary<string, JsonElement> Objects => objects;

    public string PathOf(string objectId) => paths[objectId];

    public void Dispose() => document.Dispose();
}
