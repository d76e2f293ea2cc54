using AttributionTracker.Data;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>
/// Saves and puts the editor's reason on the history rows that save wrote, in one transaction: a retraction or a
/// hard delete is never recorded without its reason.
/// </summary>
public static class ReasonedSave
{
    public static async Task SaveAsync(AttributionDbContext db, string reason, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var earlier = db.RecordChanges.Local.ToHashSet();
        await db.SaveChangesAsync(ct);
        foreach (var change in db.RecordChanges.Local.Where(c => !earlier.Contains(c)))
        {
            change.Reason = reason;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
