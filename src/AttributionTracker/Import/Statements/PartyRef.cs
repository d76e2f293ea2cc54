namespace AttributionTracker.Import.Statements;

/// <summary>Who speaks, as the extractor identifies it: a curated party, an official of a state, or a state's government.</summary>
public readonly record struct PartyRef(PartyRefKind Kind, int Index, string? State)
{
    public string Key => Kind switch
    {
        PartyRefKind.Party => "party:" + Index,
        PartyRefKind.Official => $"official:{Index}:{State}",
        _ => "government:" + State,
    };
}

public enum PartyRefKind : byte
{
    Party,
    Official,
    Government,
}
