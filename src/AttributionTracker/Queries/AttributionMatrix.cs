using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Queries;

/// <summary>
/// Who blames whom: for each accusing state (the state a party of an attribution speaks for) and accused state
/// (the state the attribution itself names), the number of distinct incidents with such an attribution. A cell
/// counts exactly the rows of the incident list under <see cref="CellFilter"/>.
/// </summary>
public sealed record AttributionMatrix(
    IReadOnlyList<MatrixState> Accusers,
    IReadOnlyList<MatrixState> Accused,
    IReadOnlyDictionary<(CountryCode Accuser, CountryCode Accused), int> Cells)
{
    /// <summary>Accusing states left out by <see cref="Top"/>.</summary>
    public int MoreAccusers { get; init; }

    /// <summary>Accused states left out by <see cref="Top"/>.</summary>
    public int MoreAccused { get; init; }

    /// <summary>Distinct incidents; 0 where no such attribution was made.</summary>
    public int this[CountryCode accuser, CountryCode accused] => Cells.GetValueOrDefault((accuser, accused));

    /// <summary>The filter of the incident list a cell stands for.</summary>
    public static StatementFilter CellFilter(StatementFilter basis, CountryCode accuser, CountryCode accused) =>
        basis with { Kind = StatementKind.Attribution, AccusingState = accuser, AccusedState = accused };

    /// <summary>
    /// The <paramref name="count"/> accusing and the <paramref name="count"/> accused states with the most incidents
    /// (summed over their row or column), still ordered by name; the rest are counted in <see cref="MoreAccusers"/>
    /// and <see cref="MoreAccused"/>. A large store has dozens of each, and a table of every pair is a page no reader
    /// can take in (and hundreds of kilobytes).
    /// </summary>
    public AttributionMatrix Top(int count)
    {
        var accusers = Busiest(Accusers, code => Cells.Where(c => c.Key.Accuser == code).Sum(c => c.Value), count);
        var accused = Busiest(Accused, code => Cells.Where(c => c.Key.Accused == code).Sum(c => c.Value), count);
        return new AttributionMatrix(accusers, accused, Cells)
        {
            MoreAccusers = MoreAccusers + Accusers.Count - accusers.Count,
            MoreAccused = MoreAccused + Accused.Count - accused.Count,
        };
    }

    private static List<MatrixState> Busiest(IReadOnlyList<MatrixState> states, Func<CountryCode, int> total, int count)
    {
        if (states.Count <= count)
        {
            return [.. states];
        }

        var kept = states.Select((s, i) => (State: s, Index: i, Total: total(s.Code)))
            .OrderByDescending(s => s.Total).ThenBy(s => s.Index).Take(count).ToList();
        return [.. kept.OrderBy(s => s.Index).Select(s => s.State)];
    }

    /// <summary>
    /// The matrix of the attributions <paramref name="basis"/> keeps (typically a minimum confidence and an as-of
    /// day); only states that occur get a row or a column, ordered by name.
    /// </summary>
    public static async Task<AttributionMatrix> LoadAsync(AttributionDbContext db, StatementFilter basis, CancellationToken cancellationToken)
    {
        var attributions = (basis with { Kind = StatementKind.Attribution }).Apply(db.Statements.AsNoTracking())
            .Where(s => s.IncidentId != null && s.AccusedStateCode != null);
        // A join rather than SelectMany over s.Parties, which would need APPLY (not in SQLite).
        // Counted in SQL: on a large store the distinct (accuser, accused, incident) triples run to hundreds of
        // thousands, the cells to a few hundred.
        var counted = await attributions
            .Join(db.Set<StatementParty>().Where(p => p.Party!.StateCode != null), s => s.Id, p => p.StatementId,
                (s, p) => new { Accuser = p.Party!.StateCode!.Value, Accused = s.AccusedStateCode!.Value, Incident = s.IncidentId!.Value })
            .Distinct()
            .GroupBy(t => new { t.Accuser, t.Accused })
            .Select(g => new { g.Key.Accuser, g.Key.Accused, Incidents = g.Count() })
            .ToListAsync(cancellationToken);
        var cells = counted.ToDictionary(c => (c.Accuser, c.Accused), c => c.Incidents);

        var codes = counted.SelectMany(c => new[] { c.Accuser, c.Accused }).Distinct().ToList();
        var names = codes.Count == 0 ? [] : await db.States.AsNoTracking()
            .Where(s => codes.Contains(s.Code)).Select(s => new MatrixState(s.Code, s.NameEn))
            .ToListAsync(cancellationToken);
        IReadOnlyList<MatrixState> Ordered(IEnumerable<CountryCode> used) =>
            [.. names.Where(n => used.Contains(n.Code)).OrderBy(n => n.Name, StringComparer.CurrentCulture)];

        return new AttributionMatrix(Ordered(cells.Keys.Select(k => k.Accuser)), Ordered(cells.Keys.Select(k => k.Accused)), cells);
    }
}

/// <summary>A state as a row or column of the matrix.</summary>
public sealed record MatrixState(CountryCode Code, string Name);
