using System.Reflection;
using AttributionTracker.Data.Seeding;
using System.Text.Json;

namespace AttributionTracker.Import.Lexicon;

/// <summary>
/// The data files the extractor needs, compiled into the assembly so <c>extract</c> works from any folder and
/// without a database: <c>Import/Lexicon/*.json</c> (language lexicons) and <c>seeds/reference/*.json</c>
/// (states, parties, actors).
/// </summary>
public static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    /// <summary>The same reading rules as the reference files loaded into the store.</summary>
    public static JsonSerializerOptions JsonOptions => ReferenceJson.Options;

    /// <summary>A lexicon file from <c>Import/Lexicon/</c>, by file name.</summary>
    public static Stream Lexicon(string fileName) => Open("AttributionTracker.Lexicon." + fileName);

    /// <summary>A reference file from <c>seeds/reference/</c>, by file name.</summary>
    public static Stream Reference(string fileName) => Open("AttributionTracker.Reference." + fileName);

    public static T ReadLexicon<T>(string fileName)
    {
        using var stream = Lexicon(fileName);
        return JsonSerializer.Deserialize<T>(stream, JsonOptions) ?? throw new InvalidDataException($"Lexicon {fileName} is empty.");
    }

    private static Stream Open(string name) =>
        Assembly.GetManifestResourceStream(name) ?? throw new FileNotFoundException($"Embedded data file {name} is missing from the build.");
}
