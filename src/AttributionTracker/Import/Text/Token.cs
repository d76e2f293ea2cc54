namespace AttributionTracker.Import.Text;

/// <summary>
/// A word or number of the article with its character span. <see cref="Key"/> is the folded form names are
/// matched on; <see cref="BreakBefore"/> says whether strong punctuation (comma, colon, bracket, quote...) separates
/// it from the previous token, so a name never matches across it.
/// </summary>
public readonly record struct Token(int Start, int End, string Key, TokenShape Shape, bool BreakBefore)
{
    public int Length => End - Start;
}

public enum TokenShape : byte
{
    /// <summary>all lower case: "hackers", "chino".</summary>
    Lower,

    /// <summary>Capitalised: "Microsoft", "Pekín".</summary>
    Capitalised,

    /// <summary>ALL CAPITALS: "NCSC", "HAFNIUM".</summary>
    Upper,

    /// <summary>Contains digits: "2020", "G0125", "APT28".</summary>
    Number,

    /// <summary>Mixed inner capitals: "iPhone", "NotPetya".</summary>
    Mixed,
}
