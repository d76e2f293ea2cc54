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
    /// <summary>Distinct incidents; 0 where no such attribution was made.</summary>
    public int this[CountryCode accuser, CountryCode accused] => Cells.GetValueOrDefault((accuser, accused));

    /// <summary>The filter of the incident list a cell stands for.</summary>
    public static StatementFilter CellFilter(StatementFilter basis, CountryCode accuser, CountryCode accused) =>
        basis with { Kind = StatementKind.Attribution, AccusingState = accuser, AccusedState = accused };

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
