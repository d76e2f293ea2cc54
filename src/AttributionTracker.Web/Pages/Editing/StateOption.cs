using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>A state for a form's list: its code and English name.</summary>
public sealed record StateOption(string Code, string Name)
{
    public static async Task<IReadOnlyList<StateOption>> ListAsync(AttributionDbContext db, CancellationToken cancellationToken) =>
        (await db.States.AsNoTracking().OrderBy(s => s.NameEn).Select(s => new { s.Code, s.NameEn }).ToListAsync(cancellationToken))
            .Select(s => new StateOption(s.Code.Value, s.NameEn))
            .ToList();
}
