using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Stix;

/// <summary>
/// Imports a checked STIX 2.1 bundle — this application's own exports or OpenCTI-style bundles — in one transaction:
/// records are matched (and merged) or created, and if anything in the bundle cannot be mapped, every such problem is
/// reported and nothing is written.
/// </summary>
public sealed class StixImporter(AttributionDbContext db)
{
    public const string ChangedBy = "stix-import";

    public async Task<StixImportResult> ImportAsync(StixBundle bundle, string? changedBy = null, CancellationToken ct = default)
    {
        var previous = db.ChangedBy;
        db.ChangedBy = changedBy ?? ChangedBy;
        // Under the store's write lock: two imports of one bundle at once match each record the other created, not a duplicate.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        try
        {
            var run = new StixImportRun(db, bundle);
            await run.ExecuteAsync(ct);
            if (run.Problems.Count > 0)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                throw new StixImportException(run.Problems);
            }

            await transaction.CommitAsync(ct);
            return run.Result;
        }
        catch (Exception) when (db.ChangeTracker.Entries().Any())
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.ChangedBy = previous;
        }
    }
}
