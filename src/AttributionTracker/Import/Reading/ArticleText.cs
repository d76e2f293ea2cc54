using AttributionTracker.Domain;

namespace AttributionTracker.Import.Reading;

/// <summary>
/// An article as the extractor sees it. <see cref="Text"/> is in <see cref="SourceText.Normalise"/> form, so every
/// span the importer records is an offset into exactly this string.
/// </summary>
/// <param name="Language">"en" or "es".</param>
/// <param name="Url">The canonical address an HTML page gave for itself; null for other formats.</param>
public sealed record ArticleText(string Text, string Language, string? Title, PartialDate? PublishedOn, ArticleFormat Format, string? Url);

public enum ArticleFormat
{
    PlainText,
    Markdown,
    Html,
}

/// <summary>What the caller already knows about an article; each value given here wins over what the reader finds.</summary>
public sealed record ArticleReadOptions
{
    /// <summary>"en" or "es": skips language detection.</summary>
    public string? Language { get; init; }

    public PartialDate? PublishedOn { get; init; }

    public string? Title { get; init; }
}
