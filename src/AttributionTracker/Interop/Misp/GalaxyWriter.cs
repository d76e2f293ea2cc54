using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace AttributionTracker.Interop.Misp;

/// <summary>Writes a <see cref="GalaxyFile"/> as MISP's own files are: indented UTF-8 JSON, absent fields left out.</summary>
public static class GalaxyWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Names in any script stay readable (MISP's files hold them as UTF-8); markup characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Task WriteAsync(Stream stream, GalaxyFile file, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, file, Options, cancellationToken);

    public static byte[] ToBytes(GalaxyFile file) => JsonSerializer.SerializeToUtf8Bytes(file, Options);
}
