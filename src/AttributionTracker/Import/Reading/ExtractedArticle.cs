using AttributionTracker.Domain;

namespace AttributionTracker.Import.Reading;

/// <summary>What a format reader got out of a document before the text is normalised.</summary>
internal sealed record ExtractedArticle(string Text, string? Title = null, PartialDate? PublishedOn = null, string? Url = null);
