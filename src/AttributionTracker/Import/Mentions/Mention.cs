namespace AttributionTracker.Import.Mentions;

/// <summary>A recognised name in the article: which tokens, which characters, what it names.</summary>
public sealed record Mention(int FirstToken, int TokenCount, int Start, int End, EntityKind Kind, int Index, NameForm Form)
{
    public int EndToken => FirstToken + TokenCount;

    /// <summary>For an official composed from a title and a state: the state's code.</summary>
    public string? State { get; init; }
}
