using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AttributionTracker.Web.Tests;

/// <summary>
/// Counts the SQL commands the app runs for requests that carry a <see cref="Header"/>, per header value, so tests
/// running in parallel against one app each see only their own requests' commands.
/// </summary>
public sealed class SqlCommandTally(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Sql-Tally";

    private readonly ConcurrentDictionary<string, int> counts = new();

    public int this[string tally] => counts.GetValueOrDefault(tally);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } tally)
        {
            counts.AddOrUpdate(tally, 1, (_, n) => n + 1);
        }
    }
}
