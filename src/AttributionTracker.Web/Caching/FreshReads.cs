namespace AttributionTracker.Web.Caching;

/// <summary>
/// Shares one read among callers who ask at the same time, without ever giving a caller a value read before it asked.
/// At most one read runs; callers who arrive meanwhile join the next one, which starts when the running one ends. So
/// 32 concurrent requests cost one or two round trips, not 32, and each still sees every commit made before it asked.
/// </summary>
/// <remarks>
/// A caller waits for at most two reads (the running one and its own). A failed read fails exactly the callers that
/// joined it; the next caller starts afresh.
/// </remarks>
public sealed class FreshReads<T>(Func<Task<T>> read)
{
    private readonly Lock gate = new();

    private TaskCompletionSource<T>? running;

    private TaskCompletionSource<T>? next;

    public Task<T> ReadAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<T> mine;
        bool start;
        lock (gate)
        {
            start = running is null;
            mine = start ? running = NewRead() : next ??= NewRead();
        }

        if (start)
        {
            _ = Task.Run(() => RunAsync(mine), CancellationToken.None);
        }

        return mine.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource<T> NewRead() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync(TaskCompletionSource<T> current)
    {
        while (true)
        {
            try
            {
                current.TrySetResult(await read());
            }
            catch (Exception e)
            {
                current.TrySetException(e);
            }

            lock (gate)
            {
                // Everyone who joined `next` asked before this line: its read, starting now, is fresh for all of them.
                running = next;
                next = null;
                if (running is null)
                {
                    return;
                }

                current = running;
            }
        }
    }
}
