namespace AttributionTracker.Web.Api.Write;

/// <summary>What every successful write answers: the record's keys, its new version and where to find it.</summary>
public sealed record WriteResult(int Id, string? Slug, int Version, WriteLinks Links);

/// <param name="Self">The record in the JSON API.</param>
/// <param name="Html">The record's web page.</param>
public sealed record WriteLinks(string Self, string Html);
