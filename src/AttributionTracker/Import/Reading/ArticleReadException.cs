namespace AttributionTracker.Import.Reading;

/// <summary>
/// An article the reader refuses, with a reason meant for the person who supplied it ("the file is empty",
/// "binary file, not a text article").
/// </summary>
public sealed class ArticleReadException(string name, string reason, Exception? innerException = null)
    : Exception($"{name}: {reason}", innerException)
{
    /// <summary>The file path or name the article was read under.</summary>
    public string Name { get; } = name;

    public string Reason { get; } = reason;
}
