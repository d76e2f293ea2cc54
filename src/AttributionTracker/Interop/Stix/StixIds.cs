using UUIDNext;

namespace AttributionTracker.Interop.Stix;

/// <summary>
/// Deterministic STIX ids: a UUIDv5 (RFC 4122 name-based, SHA-1) of a record's natural key under one fixed
/// namespace, so the same record gets the same id in every export and from every database (ADR 16).
/// </summary>
public static class StixIds
{
    /// <summary>Never change it: every id ever exported derives from it.</summary>
    public static readonly Guid Namespace = Guid.Parse("7c3e9a52-4d1b-4f6e-9a3c-2b8d5e1f0a47");

    public static string Of(string type, string naturalKey) =>
        $"{type}--{Uuid.NewNameBased(Namespace, naturalKey).ToString("D")}";

    public static string Party(string slug) => Of("identity", "party:" + slug);

    public static string State(string code) => Of("identity", "state:" + code);

    public static string Actor(string type, string slug) => Of(type, "actor:" + slug);

    public static string Incident(string slug) => Of("incident", "incident:" + slug);

    public static string Report(string sourceSha256, string partySlug) => Of("report", $"report:{sourceSha256}:{partySlug}");

    public static string ActorRelation(string fromSlug, string kind, string toSlug) =>
        Of("relationship", $"actor-relation:{fromSlug}:{kind}:{toSlug}");

    /// <summary>The type part of "intrusion-set--…".</summary>
    public static string TypeOf(string id)
    {
        var at = id.IndexOf("--", StringComparison.Ordinal);
        return at < 0 ? "" : id[..at];
    }
}
