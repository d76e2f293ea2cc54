namespace AttributionTracker.Import.Text;

/// <summary>A sentence: its character span and the range of its tokens in the article's token list.</summary>
public readonly record struct Sentence(int Index, int Start, int End, int FirstToken, int TokenCount, int Paragraph)
{
    public int EndToken => FirstToken + TokenCount;
}
