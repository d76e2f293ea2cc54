using AttributionTracker.Web.Caching;

namespace AttributionTracker.Web.Tests.Caching;

/// <summary>
/// The PostgreSQL store generation is read once for many concurrent requests, but a request must never get a value read
/// before it arrived: that value could predate a commit the request should see, and serve a page from before it.
/// </summary>
public sealed class FreshReadsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Callers_who_arrive_during_a_read_share_the_next_read_never_the_running_one()
    {
        var reads = new HeldReads();
        var shared = new FreshReads<int>(reads.ReadAsync);

        var first = shared.ReadAsync(Ct);
        await reads.Started(1);
        var second = shared.ReadAsync(Ct);
        var third = shared.ReadAsync(Ct);

        reads.Finish(1);
        Assert.Equal(1, await first);
        await reads.Started(2);
        Assert.False(second.IsCompleted);
        reads.Finish(2);

        Assert.Equal(2, await second);
        Assert.Equal(2, await third);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task A_failed_read_fails_its_callers_only_and_the_next_caller_reads_again()
    {
        var reads = new HeldReads();
        var shared = new FreshReads<int>(reads.ReadAsync);

        var failing = shared.ReadAsync(Ct);
        await reads.Started(1);
        reads.Fail(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var after = shared.ReadAsync(Ct);
        await reads.Started(2);
        reads.Finish(2);
        Assert.Equal(2, await after);
    }

    /// <summary>Reads numbered 1, 2, … in the order they start, each held until the test lets it end.</summary>
    private sealed class HeldReads
    {
        private readonly List<TaskCompletionSource<int>> ends = [];
        private readonly List<TaskCompletionSource> starts = [];
        private readonly Lock gate = new();

        public int Count
        {
            get
            {
                lock (gate)
                {
                    return starts.Count(s => s.Task.IsCompleted);
                }
            }
        }

        public Task<int> ReadAsync()
        {
            lock (gate)
            {
                var number = starts.Count(s => s.Task.IsCompleted) + 1;
                Slot(number).start.TrySetResult();
                return Slot(number).end.Task;
            }
        }

        public Task Started(int number) => Slot(number).start.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        public void Finish(int number) => Slot(number).end.TrySetResult(number);

        public void Fail(int number) => Slot(number).end.TrySetException(new InvalidOperationException("the store went away"));

        private (TaskCompletionSource start, TaskCompletionSource<int> end) Slot(int number)
        {
            lock (gate)
            {
                while (starts.Count < number)
                {
                    starts.Add(new(TaskCreationOptions.RunContinuationsAsynchronously));
                    ends.Add(new(TaskCreationOptions.RunContinuationsAsynchronously));
                }

                return (starts[number - 1], ends[number - 1]);
            }
        }
    }
}
