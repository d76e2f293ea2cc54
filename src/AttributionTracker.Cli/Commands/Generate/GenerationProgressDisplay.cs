using System.Diagnostics;
using AttributionTracker.Generation;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AttributionTracker.Cli.Commands.Generate;

/// <summary>
/// One progress bar per table with its rows/s on a terminal; one plain line per finished step when the output goes to
/// a file, a pipe or a test console, so logs stay readable.
/// </summary>
internal static class GenerationProgressDisplay
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IGenerationProgress, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work(new Lines(console));
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsPerSecondColumn(), new ElapsedTimeColumn())
            .StartAsync(ctx => work(new Bars(ctx)));
    }

    private sealed class Bars(ProgressContext context) : IGenerationProgress
    {
        private readonly Dictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);

        public void Begin(string step, long total) =>
            tasks[step] = context.AddTask(step, maxValue: Math.Max(total, 1));

        public void Advance(string step, long rows)
        {
            if (tasks.TryGetValue(step, out var task))
            {
                task.Increment(rows);
            }
        }

        public void End(string step)
        {
            if (tasks.TryGetValue(step, out var task))
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    private sealed class Lines(IAnsiConsole console) : IGenerationProgress
    {
        private readonly Dictionary<string, (Stopwatch Clock, long Rows)> steps = new(StringComparer.Ordinal);

        public void Begin(string step, long total) => steps[step] = (Stopwatch.StartNew(), 0);

        public void Advance(string step, long rows)
        {
            if (steps.TryGetValue(step, out var s))
            {
                steps[step] = (s.Clock, s.Rows + rows);
            }
        }

        public void End(string step)
        {
            if (steps.Remove(step, out var s))
            {
                var seconds = s.Clock.Elapsed.TotalSeconds;
                console.MarkupLineInterpolated($"{step}: {s.Rows:N0} rows in {seconds:N1} s ({s.Rows / Math.Max(seconds, 0.001):N0} rows/s)");
            }
        }
    }

    private sealed class RowsPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:N0} rows/s" : "", new Style(Color.Grey));
    }
}
