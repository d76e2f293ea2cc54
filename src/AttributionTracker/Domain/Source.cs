namespace AttributionTracker.Domain;

/// <summary>An archived article or official release; statements point into its text by character span.</summary>
public sealed class Source : Entity
{
    public required string Title { get; set; }

    public string? Publisher { get; set; }

    public string? Url { get; set; }

    /// <summary>"es" or "en".</summary>
    public required string Language { get; set; }

    public PartialDate? PublishedOn { get; set; }

    /// <summary>The text exactly as stored; spans index into it.</summary>
    public required string Text { get; set; }

    /// <summary>Hex SHA-256 of the normalised text (see <see cref="SourceText.Fingerprint"/>): one article, one source.</summary>
    public required string TextSha256 { get; set; }

    /// <summary>The file or URL it was imported from.</summary>
    public string? ImportedFrom { get; set; }

    public List<AttributionStatement> Statements { get; set; } = [];
}
