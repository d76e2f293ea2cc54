namespace AttributionTracker.Search;

/// <summary>What a search hit is. The numbers are stored: the SQLite index keys names by <c>Id * 4 + kind</c>.</summary>
public enum SearchKind
{
    Actor = 1,
    Incident = 2,
    Party = 3,
    Statement = 4,
    Source = 5,
}
