using System.Text.Json;
using System.Text.RegularExpressions;

namespace AttributionTracker.Interop.Misp;

/// <summary>
/// Reads the MISP galaxy cluster format (https://github.com/MISP/misp-galaxy): a "values" array of
/// {uuid, value, description, meta: {synonyms, country, refs}}. Problems are collected, not thrown one at a
/// time, so a bad file is reported whole.
/// </summary>
public static partial class GalaxyReader
{
    public static GalaxyCluster Read(Stream json, string fileName)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
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
        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw new GalaxyFormatException(fileName, ["the top level must be an object with a \"values\" array (a MISP galaxy cluster file)"]);
        }

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
            var value = String(item, "value")?.Trim();
            if (uuid is null || !Guid.TryParse(uuid, out _))
            {
                errors.Add($"{where}: missing or malformed \"uuid\"");
                continue;
            }

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

            var meta = item.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
            var synonyms = new List<string>();
            var mitre = new List<string>();
            foreach (var synonym in Strings(meta, "synonyms"))
            {
                (MitreGroupId().IsMatch(synonym) ? mitre : synonyms).Add(synonym);
            }

            var country = String(meta, "country")?.Trim();
            actors.Add(new GalaxyActor(
                uuid.ToLowerInvariant(),
                value,
                String(item, "description"),
                string.IsNullOrEmpty(country) ? null : country.ToUpperInvariant(),
                synonyms,
                mitre,
                [.. Strings(meta, "refs").Where(IsWebAddress)]));
        }

        if (errors.Count > 0)
        {
            throw new GalaxyFormatException(fileName, errors);
        }

        return new GalaxyCluster(
            String(root, "name") ?? "Threat Actor",
            String(root, "type") ?? "threat-actor",
            String(root, "uuid"),
            root.TryGetProperty("version", out var v) && v.TryGetInt32(out var version) ? version : null,
            actors);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var p) || p.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var s in p.EnumerateArray())
        {
            if (s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
            {
                yield return text.Trim();
            }
        }
    }

    // Only web links survive: a "javascript:" ref in a hostile file must never become a link on a page.
    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^G\d{4}$")]
    private static partial Regex MitreGroupId();
}

public sealed class GalaxyFormatException(string fileName, IReadOnlyList<string> problems)
    : Exception($"{fileName}: not a usable MISP galaxy cluster file: {string.Join("; ", problems.Take(10))}{(problems.Count > 10 ? $" (and {problems.Count - 10} more)" : "")}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
