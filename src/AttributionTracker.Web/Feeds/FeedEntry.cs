using AttributionTracker.Domain;

namespace AttributionTracker.Web.Feeds;

/// <summary>What one feed entry needs of a statement, read in one query.</summary>
public sealed record FeedEntry(
    int Id,
    StatementKind Kind,
    IReadOnlyList<FeedParty> Parties,
    string? Incident,
    string? AccusedActor,
    string? AccusedState,
    ConfidenceLevel? Confidence,
    string? ConfidenceWording,
    string? Quote,
    int? SourceId,
    string? SourceTitle,
    string? SourceUrl,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? RetractedAt,
    string? RetractionReason)
{
    /// <summary>Projects statements already filtered and ordered by the caller.</summary>
    public static IQueryable<FeedEntry> Query(IQueryable<AttributionStatement> statements) =>
        statements.Select(s => new FeedEntry(
            s.Id,
            s.Kind,
            s.Parties.OrderBy(p => p.Position).Select(p => new FeedParty(p.Party!.Slug, p.Party.Name, p.Party.StateCode)).ToList(),
            s.Incident == null ? null : s.Incident.Name,
            s.AccusedActor == null ? null : s.AccusedActor.Name,
            s.AccusedState == null ? null : s.AccusedState.NameEn,
            s.Confidence.Level,
            s.Confidence.Wording,
            s.Quote,
            s.SourceId,
            s.Source == null ? null : s.Source.Title,
            s.Source == null ? null : s.Source.Url,
            s.CreatedAt,
            s.UpdatedAt,
            s.RetractedAt,
            s.RetractionReason));

    public FeedParty? Lead => Parties.Count > 0 ? Parties[0] : null;
}

public sealed record FeedParty(Slug Slug, string Name, CountryCode? State);
