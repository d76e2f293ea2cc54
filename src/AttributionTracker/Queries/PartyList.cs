using AttributionTracker.Domain;

namespace AttributionTracker.Queries;

/// <summary>Which parties the party list shows, in its order: the /parties page and the JSON API both ask here.</summary>
public static class PartyList
{
    /// <summary>
    /// The parties that made one of <paramref name="statements"/> (every party with <paramref name="all"/>), of one
    /// kind if given; by kind, state and name.
    /// </summary>
    public static IQueryable<Party> Matching(
        IQueryable<Party> parties, IQueryable<AttributionStatement> statements, bool all, PartyKind? kind)
    {
        if (!all)
        {
            parties = parties.Where(p => statements.Any(s => s.Parties.Any(sp => sp.PartyId == p.Id)));
        }

        if (kind is { } k)
        {
            parties = parties.Where(p => p.Kind == k);
        }

        return parties.OrderBy(p => p.Kind).ThenBy(p => p.StateCode).ThenBy(p => p.Name).ThenBy(p => p.Id);
    }
}
