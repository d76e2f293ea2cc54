using System.Text.Json;
using System.Text.RegularExpressions;
using AttributionTracker.Domain;

namespace AttributionTracker.Interop.Misp;

/// <summary>
/// Reads the MISP galaxy cluster format (https://github.com/MISP/misp-galaxy): a "values" array of
/// {uuid, value, description, meta: {synonyms, country, refs}}. Problems are collected, not thrown one at a
/// time, so a bad file is reported whole: each as "values[i] (uuid or name): field: what is wrong".
/// </summary>
public static partial class GalaxyReader
{
    public static GalaxyCluster Read(Stream json, string fileName)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new GalaxyFormatException(fileName, [$"not valid JSON: {e.Message}"]);
        }

        using (doc)
        {
            return Read(doc.RootElement, fileName);
        }
    }

    private static GalaxyCluster Read(JsonElement root, string fileName)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw new GalaxyFormatException(fileName, ["the top level must be an object with a \"values\" array (a MISP galaxy cluster file)"]);
        }

        if (values.GetArrayLength() > GalaxyLimits.MaxValues)
        {
            throw new GalaxyFormatException(fileName, [$"\"values\" has {values.GetArrayLength()} entries; at most {GalaxyLimits.MaxValues} are read"]);
        }

        var errors = new List<string>();
        var actors = new List<GalaxyActor>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in values.EnumerateArray())
        {
            var where = $"values[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{where}: not an object");
                continue;
            }

            var uuid = String(item, "uuid");
            if (uuid is null || !Guid.TryParse(uuid, out _))
            {
                errors.Add($"{where}: missing or malformed \"uuid\"");
                continue;
            }

            var value = String(item, "value")?.Trim();
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{where} ({uuid}): missing \"value\"");
                continue;
            }

            if (!seen.Add(uuid))
            {
                errors.Add($"{where} ({value}): uuid {uuid} appears twice");
                continue;
            }

            var problems = new ValueProblems($"{where} ({uuid})", errors);
            problems.TooLong("value", value, GalaxyLimits.MaxName);
            var description = OptionalString(item, "description", problems);
            problems.TooLong("description", description, GalaxyLimits.MaxDescription);

            var meta = default(JsonElement);
            if (item.TryGetProperty("meta", out var m))
            {
                if (m.ValueKind == JsonValueKind.Object)
                {
                    meta = m;
                }
                else if (m.ValueKind != JsonValueKind.Null)
                {
                    problems.Add("meta", "must be an object");
                }
            }

            var synonyms = new List<string>();
            var mitre = new List<string>();
            foreach (var synonym in Strings(meta, "synonyms", problems))
            {
                problems.TooLong("meta.synonyms", synonym, GalaxyLimits.MaxName);
                (MitreGroupId().IsMatch(synonym) ? mitre : synonyms).Add(synonym);
            }

            var refs = Strings(meta, "refs", problems).ToList();
            foreach (var url in refs)
            {
                problems.TooLong("meta.refs", url, GalaxyLimits.MaxUrl);
            }

            var country = OptionalString(meta, "country", problems)?.Trim();
            if (!string.IsNullOrEmpty(country) && !CountryCode.TryParse(country, out _))
            {
                problems.Add("meta.country", $"“{Shorten(country)}” is not a two-letter ISO 3166-1 code such as CN or RU");
            }

            actors.Add(new GalaxyActor(
                uuid.ToLowerInvariant(),
                value,
                description,
                string.IsNullOrEmpty(country) ? null : country.ToUpperInvariant(),
                synonyms,
                mitre,
                [.. refs.Where(IsWebAddress)]));
        }

        if (errors.Count > 0)
        {
            throw new GalaxyFormatException(fileName, errors);
        }

        return new GalaxyCluster(
            String(root, "name") ?? "Threat Actor",
            String(root, "type") ?? "threat-actor",
            String(root, "uuid"),
            root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version) ? version : null,
            actors);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    /// <summary>A string field that may be absent or null, but is reported when it is there with another type.</summary>
    private static string? OptionalString(JsonElement element, string name, ValueProblems problems)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (p.ValueKind != JsonValueKind.String)
        {
            problems.Add(Field(element, name), $"must be a string, not {Describe(p.ValueKind)}");
            return null;
        }

        return p.GetString();
    }

    private static IEnumerable<string> Strings(JsonElement element, string name, ValueProblems problems)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (p.ValueKind != JsonValueKind.Array)
        {
            problems.Add("meta." + name, $"must be an array of strings, not {Describe(p.ValueKind)}");
            yield break;
        }

        if (p.GetArrayLength() > GalaxyLimits.MaxListItems)
        {
            problems.Add("meta." + name, $"has {p.GetArrayLength()} entries; at most {GalaxyLimits.MaxListItems} are read");
            yield break;
        }

        var i = 0;
        foreach (var s in p.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.String)
            {
                problems.Add($"meta.{name}[{i}]", $"must be a string, not {Describe(s.ValueKind)}");
            }
            else if (s.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
            {
                yield return text.Trim();
            }

            i++;
        }
    }

    // Fields of "meta" are named with their prefix so that the message points at the right place.
    private static string Field(JsonElement element, string name) =>
        element.TryGetProperty("uuid", out _) ? name : "meta." + name;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    // Only web links survive: a "javascript:" ref in a hostile file must never become a link on a page.
    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^G\d{4}$")]
    private static partial Regex MitreGroupId();

    private sealed class ValueProblems(string where, List<string> errors)
    {
        public void Add(string field, string message) => errors.Add($"{where}: {field}: {message}");

        public void TooLong(string field, string? text, int max)
        {
            if (text is not null && text.Length > max)
            {
                Add(field, $"{text.Length} characters; at most {max}");
            }
        }
    }
}

/// <summary>
/// The most the store keeps of a galaxy (the name and alias columns hold 200 characters, a reference URL 2,000):
/// a file beyond them is refused rather than cut, since a cut name would no longer be the name MISP uses.
/// </summary>
public static class GalaxyLimits
{
    public const int MaxValues = 20_000;
    public const int MaxName = 200;
    public const int MaxUrl = 2_000;
    public const int MaxDescription = 20_000;
    public const int MaxListItems = 1_000;
}

public sealed class GalaxyFormatException(string fileName, IReadOnlyList<string> problems)
    : RefusedInputException($"{fileName}: not a usable MISP galaxy cluster file: {string.Join("; ", problems.Take(10))}{(problems.Count > 10 ? $" (and {problems.Count - 10} more)" : "")}")
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public override string Refusal => "not a usable MISP galaxy cluster file";

    public override IReadOnlyList<string> ProblemLines => Problems;
}
