using AttributionTracker.Domain;

namespace AttributionTracker.Queries;

/// <summary>
/// States with how often they accused, were accused and denied: the /states page, a state's API record and the
/// state list of the JSON API count the same way.
/// </summary>
public static class StateList
{
    /// <summary>
    /// Each state's counts over <paramref name="statements"/>; only states that occur unless <paramref name="all"/>;
    /// by English name.
    /// </summary>
    public static IQueryable<StateCounts> Counted(IQueryable<State> states, IQueryable<AttributionStatement> statements, bool all)
    {
        // Anonymous first: EF filters and sorts on an anonymous type's members, not on a record's constructor arguments.
        var counted = states.Select(st => new
        {
            st.Code,
            st.NameEn,
            st.NameEs,
            AsAccuser = statements.Count(s => s.Kind != StatementKind.Denial && s.Parties.Any(sp => sp.Party!.StateCode == st.Code)),
            AsAccused = statements.Count(s => s.Kind != StatementKind.Denial && s.AccusedStateCode == st.Code),
            Denials = statements.Count(s => s.Kind == StatementKind.Denial && s.Parties.Any(sp => sp.Party!.StateCode == st.Code)),
        });
        if (!all)
        {
            counted = counted.Where(c => c.AsAccuser > 0 || c.AsAccused > 0 || c.Denials > 0);
        }

        return counted.OrderBy(c => c.NameEn).ThenBy(c => c.Code)
            .Select(c => new StateCounts(c.Code, c.NameEn, c.NameEs, c.AsAccuser, c.AsAccused, c.Denials));
    }
}

/// <summary>A state and its statements: as accuser and accused (denials apart), and the denials its parties made.</summary>
public sealed record StateCounts(CountryCode Code, string NameEn, string NameEs, int AsAccuser, int AsAccused, int Denials);
