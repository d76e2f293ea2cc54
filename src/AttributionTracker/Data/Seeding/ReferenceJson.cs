using System.Text.Json;

namespace AttributionTracker.Data.Seeding;

/// <summary>Shapes of the curated reference files in <c>seeds/reference/</c>.</summary>
public static class ReferenceJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task<List<T>> ReadListAsync<T>(Stream stream, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<List<T>>(stream, Options, cancellationToken)
            ?? throw new InvalidDataException("The file holds no list.");
}

/// <summary>Names by language code: {"en": [...], "es": [...]}.</summary>
public sealed class NamesByLanguage : Dictionary<string, List<string>>
{
    public IEnumerable<(string Language, string Name)> All() =>
        this.SelectMany(kv => kv.Value.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => (kv.Key, n.Trim())));
}

public sealed record StateRecord(string Code, string En, string Es, NamesByLanguage? Names, NamesByLanguage? Demonyms, NamesByLanguage? Metonyms);

public sealed record PartyRecord(string Name, string Kind, string? State, NamesByLanguage? Aliases, string? Description);

public sealed record OrganRecord(string Name, string? State, string? Kind, NamesByLanguage? Aliases, string? Description);

public sealed record ActorLinkRecord(string Actor, string Relation, string Target, string? Note);

public sealed record AliasConventionRecord(string CoinedBy, string Pattern, bool? IgnoreCase);

public sealed record ActorAliasesRecord(string Actor, NamesByLanguage? Aliases);
