using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AttributionTracker.Data;

/// <summary>
/// A transaction that holds the store's write lock from its first statement, so a check-then-insert inside it sees
/// every write another process committed before it and none can slip in after: two processes importing the same
/// article, or starting on one new store, write each thing once. SQLite's default transaction already does this
/// (Microsoft.Data.Sqlite begins IMMEDIATE); PostgreSQL's does not, so there it takes a transaction-scoped advisory
/// lock that every such writer shares. Ordinary edits do not take it.
/// </summary>
public static class WriteTransactions
{
    // The key is an arbitrary number that only this program's writers take ("attr" in ASCII: 0x61747472).
    private const string TakePostgresWriteLock = "SELECT pg_advisory_xact_lock(1635021938)";

    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlRawAsync(TakePostgresWriteLock, cancellationToken);
        }

        return transaction;
    }
}
