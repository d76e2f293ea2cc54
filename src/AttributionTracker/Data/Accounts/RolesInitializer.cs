using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Data.Accounts;

/// <summary>The Editor and Admin roles exist in every store, so an account can be given one without further setup.</summary>
public static class RolesInitializer
{
    public static async Task EnsureRolesAsync(AttributionDbContext db, CancellationToken cancellationToken = default)
    {
        // Checked inside the write-locked transaction (WriteTransactions): two processes starting on one new
        // store add each role once.
        await using var tx = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        var existing = await db.Roles.AsNoTracking().Select(r => r.NormalizedName).ToListAsync(cancellationToken);
        var missing = Roles.All.Where(r => !existing.Contains(Normalize(r))).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var oldChangedBy = db.ChangedBy;
        db.ChangedBy = "setup";
        try
        {
            db.Roles.AddRange(missing.Select(r => new IdentityRole(r) { NormalizedName = Normalize(r) }));
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangedBy = oldChangedBy;
            db.ChangeTracker.Clear();
        }
    }

    // Identity's default lookup normalizer (UpperInvariantLookupNormalizer), so RoleManager finds these roles.
    private static string Normalize(string role) => role.ToUpperInvariant();
}
