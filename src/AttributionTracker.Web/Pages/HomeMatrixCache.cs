using AttributionTracker.Data;
using AttributionTracker.Queries;
using AttributionTracker.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages;

/// <summary>
/// The home page's matrix, computed once per <see cref="StoreGeneration"/> and minimum confidence. It aggregates
/// every attribution in the store (about a second on a million statements, whatever the indexes), while its answer
/// is a few hundred numbers that only a write can change: so it is kept until the next write, not recomputed for
/// every uncached render. An as-of view is computed per request (its days are unbounded, so not kept).
/// <para>
/// A reader waits for a matrix still being computed (after start, or after a write) only up to <c>Home:MatrixWait</c>
/// (half a second unless configured): on a large store the page then comes without it and asks to be reloaded,
/// rather than holding the first readers after a restart for seconds.
/// </para>
/// </summary>
public sealed class HomeMatrixCache(IServiceScopeFactory scopes, StoreGeneration generation, IConfiguration configuration, ILogger<HomeMatrixCache> logger)
{
    private readonly TimeSpan wait = configuration.GetValue("Home:MatrixWait", TimeSpan.FromMilliseconds(500));

    private readonly Lock gate = new();

    private readonly Dictionary<StatementFilter, Task<AttributionMatrix>> matrices = [];

    private string? matricesGeneration;

    /// <summary>The matrix, or null when it is still being computed after <c>Home:MatrixWait</c>.</summary>
    public async Task<AttributionMatrix?> GetAsync(AttributionDbContext db, StatementFilter basis, CancellationToken cancellationToken)
    {
        if (!IsKept(basis))
        {
            return await AttributionMatrix.LoadAsync(db, basis, cancellationToken);
        }

        var current = await generation.ReadAsync(cancellationToken);
        Task<AttributionMatrix> load;
        lock (gate)
        {
            // What was computed before the store's last write is forgotten.
            if (matricesGeneration != current)
            {
                matrices.Clear();
                matricesGeneration = current;
            }

            if (!matrices.TryGetValue(basis, out load!))
            {
                // Not tied to this request: another reader may await the same load, so one reader leaving must not
                // cancel it. Run off this thread: SQLite's async calls complete synchronously, here inside the lock.
                load = Task.Run(() => LoadAsync(basis), CancellationToken.None);
                matrices[basis] = load;
            }
        }

        try
        {
            return await load.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (Exception) when (load.IsFaulted)
        {
            lock (gate)
            {
                if (matrices.TryGetValue(basis, out var kept) && kept == load)
                {
                    matrices.Remove(basis);
                }
            }

            throw;
        }
    }

    /// <summary>Computes the default matrix in the background after start, so the first reader of the home page need not.</summary>
    public async Task WarmAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
            await GetAsync(db, StatementFilter.None, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Only a head start: the first reader computes it again and meets the same problem in its own request.
            logger.LogWarning(e, "Could not compute the home page's matrix in advance");
        }
    }

    /// <summary>Only what the home page's form can choose (a minimum confidence) is kept, so the entries stay few.</summary>
    private static bool IsKept(StatementFilter basis) =>
        basis == StatementFilter.None with { Confidence = basis.Confidence, ConfidenceMode = basis.ConfidenceMode };

    private async Task<AttributionMatrix> LoadAsync(StatementFilter basis)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await AttributionMatrix.LoadAsync(scope.ServiceProvider.GetRequiredService<AttributionDbContext>(), basis, CancellationToken.None);
    }
}
