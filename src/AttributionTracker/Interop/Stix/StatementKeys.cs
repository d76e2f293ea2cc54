using System.Security.Cryptography;
using System.Text;
using AttributionTracker.Domain;

namespace AttributionTracker.Interop.Stix;

/// <summary>
/// A statement's natural key, which survives a move to another database (record ids do not): where it was read —
/// the source's text hash and the quote's span — its kind and its lead party; without a source, who said what about whom and when.
/// Two statements with the same key (rare) are told apart by their order in the store.
/// </summary>
internal static class StatementKeys
{
    public static Dictionary<int, string> For(IEnumerable<AttributionStatement> statements, Func<int, string?> sourceSha, Func<int, string> partySlug,
        Func<int, string> incidentSlug, Func<int, string> actorSlug)
    {
        var keys = new Dictionary<int, string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in statements.OrderBy(s => s.Id))
        {
            var lead = s.Parties.OrderBy(p => p.Position).Select(p => partySlug(p.PartyId)).FirstOrDefault() ?? "";
            var key = Key(s, s.SourceId is { } id ? sourceSha(id) : null, lead, s.IncidentId is { } i ? incidentSlug(i) : "", s.AccusedActorId is { } a ? actorSlug(a) : "");
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            keys[s.Id] = n == 1 ? key : $"{key}#{n}";
        }

        return keys;
    }

    /// <summary>The key before any "#2" that tells equal keys apart; <paramref name="lead"/> and the slugs are empty where absent.</summary>
    public static string Key(AttributionStatement s, string? sha, string lead, string incident, string actor)
    {
        var kind = s.Kind.ToString().ToLowerInvariant();
        if (sha is not null && s.SpanStart is { } start && s.SpanEnd is { } end)
        {
            // One sentence can carry two claimants' statements ("Britain joined the US in accusing…"): the lead tells them apart.
            return $"statement:{sha}:{start}-{end}:{kind}:{lead}";
        }

        var quote = s.Quote is null ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s.Quote)))[..16];
        return string.Join(':', "statement", kind, lead, s.Date?.ToString() ?? "", incident, actor, s.AccusedStateCode?.Value ?? "", sha ?? "", quote);
    }

    /// <summary>The ids of the STIX objects that carry a statement (one or two relationships, an opinion or a note).</summary>
    public static IReadOnlyList<string> ObjectIds(AttributionStatement s, string key) => Shape(s) switch
    {
        StatementShape.Opinion => [StixIds.Of("opinion", key)],
        StatementShape.Note => [StixIds.Of("note", key)],
        _ => [.. new[] { s.AccusedActorId is null ? null : StixIds.Of("relationship", key + ":actor"), s.AccusedStateCode is null ? null : StixIds.Of("relationship", key + ":state") }.OfType<string>()],
    };

    public static StatementShape Shape(AttributionStatement s) =>
        s.Kind is StatementKind.Denial or StatementKind.Retraction ? StatementShape.Opinion
        : s.IncidentId is not null && (s.AccusedActorId is not null || s.AccusedStateCode is not null) ? StatementShape.Relationships
        : StatementShape.Note;
}

internal enum StatementShape
{
    /// <summary>incident attributed-to actor, and incident attributed-to the accused state's identity.</summary>
    Relationships,

    /// <summary>A denial (strongly-disagree) or a party's retraction of its own claim (disagree).</summary>
    Opinion,

    /// <summary>What has no incident or no one accused: a note on whatever it names.</summary>
    Note,
}
