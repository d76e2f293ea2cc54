using System.Text.Json;

namespace AttributionTracker.Data.Dump;

/// <summary>A dump read and checked against the model: rows as typed values by column, ready to insert.</summary>
public sealed record DumpFile(string Migration, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Rows)
{
    /// <summary>
    /// Reads <paramref name="input"/> against <paramref name="plan"/> and the migrations this program knows; on any problem
    /// returns them all (up to a readable number), naming table, row and column, and no dump.
    /// </summary>
    public static async Task<(DumpFile? Dump, IReadOnlyList<string> Problems)> ReadAsync(
        Stream input, DumpPlan plan, IReadOnlyList<string> knownMigrations, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(input, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, [$"the file is not a complete JSON document (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): is it a dump, and was it copied whole?"]);
        }

        using (document)
        {
            return new DumpChecker(plan, knownMigrations).Check(document.RootElement);
        }
    }
}
