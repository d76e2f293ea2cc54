using AttributionTracker.Domain;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>What the timeline needs to know of one statement.</summary>
public sealed record TimelineStatement(
    int Id,
    StatementKind Kind,
    PartialDate? Date,
    IReadOnlyList<string> Parties,
    string? Accused,
    ConfidenceLevel? Confidence,
    IReadOnlyList<int> Answers)
{
    /// <summary>"National Cyber Security Centre → HAFNIUM", "China denies"; co-signers are counted, not named.</summary>
    public string Label
    {
        get
        {
            var party = Parties.Count switch
            {
                0 => "Unnamed party",
                1 => Parties[0],
                _ => $"{Parties[0]} +{Parties.Count - 1}",
            };
            return Kind switch
            {
                StatementKind.Denial => $"{party} denies",
                StatementKind.Attribution => Accused is null ? party : $"{party} → {Accused}",
                _ => Accused is null ? $"{party} ({Kind.ToString().ToLowerInvariant()})" : $"{party} → {Accused} ({Kind.ToString().ToLowerInvariant()})",
            };
        }
    }
}
