using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>Makes the database fail on its Nth command — a disk full, a lock timeout, a killed connection mid-import.</summary>
internal sealed class FailingCommandInterceptor(int failOn) : DbCommandInterceptor
{
    public int Commands { get; private set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    private T Count<T>(T result) => ++Commands == failOn ? throw new InjectedFailureException(failOn) : result;
}

internal sealed class InjectedFailureException(int command) : Exception($"injected failure on database command {command}");

/// <summary>Makes the commit itself fail, after every command of the import has run.</summary>
internal sealed class FailingCommitInterceptor : DbTransactionInterceptor
{
    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        throw new InjectedFailureException(-1);

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        throw new InjectedFailureException(-1);
}
