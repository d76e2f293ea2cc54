using System.Text.Json;

namespace AttributionTracker.Interop.Stix;

/// <summary>Typed reads of a STIX object's properties; absent or mistyped values read as null or empty.</summary>
internal static class StixElement
{
    public static string? Text(this JsonElement e, string name) => StixBundleReader.Text(e, name);

    public static string Type(this JsonElement e) => e.Text("type") ?? "";

    public static int? Int(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var v) ? v : null;

    public static JsonElement? Object(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object ? p : null;

    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray() : [];

    public static IEnumerable<string> Strings(this JsonElement e, string name) =>
        e.Items(name).Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).Where(s => !string.IsNullOrWhiteSpace(s));

    public static DateTime Time(this JsonElement e, string name) =>
        StixTime.TryParse(e.Text(name), out var t) ? t : DateTime.UnixEpoch;

    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
