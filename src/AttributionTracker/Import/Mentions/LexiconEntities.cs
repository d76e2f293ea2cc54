namespace AttributionTracker.Import.Mentions;

/// <summary>An accusable actor the extractor knows: a galaxy group or a state organ.</summary>
public sealed record LexActor(int Index, string Name, string Kind, string? State, IReadOnlyList<string> Aliases);

public sealed record LexState(int Index, string Code, string NameEn, string NameEs);

/// <summary>A curated party: agency, official office, company, international organisation.</summary>
public sealed record LexParty(int Index, string Name, string Kind, string? State, IReadOnlyList<string> Aliases);

/// <summary>A generic office ("foreign minister") that needs a state ("del Reino Unido", "British") to name a party.</summary>
public sealed record LexTitle(int Index, string Role, string Label, string PartyKind);

public enum EntityKind : byte
{
    Actor,
    State,
    Party,
    Title,
}

public enum NameForm : byte
{
    Name,
    Demonym,
    Metonym,
}

/// <summary>How the text's capitalisation must look for a name to count.</summary>
public enum CaseRule : byte
{
    /// <summary>Any case: Spanish demonyms ("chinos"), titles ("ministro"), Spanish actor forms ("el hafnio").</summary>
    Any,

    /// <summary>The first word must not be all lower case: proper names.</summary>
    Capitalised,

    /// <summary>Written exactly in capitals: short acronyms ("US" is not "us", "MSS").</summary>
    Upper,

    /// <summary>A name that is also an ordinary word ("Mask", "Silence"): only in capitals or beside a word such as "group".</summary>
    Contextual,
}

public readonly record struct NameEntry(EntityKind Kind, int Index, NameForm Form, CaseRule Case);
