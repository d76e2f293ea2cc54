using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages;

/// <summary>Statement lists as pages show them: newest first, one page at a time.</summary>
public static class NewestStatements
{
    public static IOrderedQueryable<AttributionStatement> Newest(this IQueryable<AttributionStatement> statements) =>
        statements.OrderByDescending(s => s.Date!.Start).ThenByDescending(s => s.Id);

    /// <summary>
    /// One page of <paramref name="statements"/>, newest first, as a query of its ids. A row projection reads each of
    /// its collections (parties, answers) in a query of its own; over a paged query each would search and sort the
    /// whole selection again, over the ids each is a lookup.
    /// </summary>
    public static async Task<IQueryable<AttributionStatement>> PageAsync(this IQueryable<AttributionStatement> statements, AttributionDbContext db, PageWindow window, CancellationToken cancellationToken)
    {
        var ids = await statements.Newest().Skip(window.Skip).Take(window.Size).Select(s => s.Id).ToListAsync(cancellationToken);
        return db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id)).Newest();
    }
}
