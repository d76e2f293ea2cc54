using AttributionTracker.Data;
using AttributionTracker.Interop;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AttributionTracker.Cli.Infrastructure;

/// <summary>
/// What every "read this file into the store" command does around its own reading: a missing file is named before
/// any store is made, the store is opened and upgraded, and a refused file is reported the same way whatever its
/// format — one error line, then each problem indented — so scripts and people read all imports alike.
/// </summary>
internal sealed class FileImport(StoreFactory stores, IAnsiConsole console)
{
    /// <param name="import">Reads the file into the store and says what it did ("3 statements created").</param>
    public async Task<int> RunAsync(
        StoreSettings settings,
        string file,
        Func<IServiceProvider, string, CancellationToken, Task<string>> import,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            console.MarkupLineInterpolated($"[red]error:[/] {file}: no such file");
            return 2;
        }

        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        try
        {
            var summary = await import(scope.ServiceProvider, Path.GetFullPath(file), cancellationToken);
            console.MarkupLineInterpolated($"{file}: {summary}");
            return 0;
        }
        catch (RefusedInputException e)
        {
            var count = e.ProblemLines.Count;
            console.MarkupLineInterpolated($"[red]error:[/] {file}: {e.Refusal}; nothing was imported. {count} problem{(count == 1 ? "" : "s")}:");
            foreach (var line in e.ProblemLines)
            {
                console.MarkupLineInterpolated($"  {line}");
            }

            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {file}: {e.Message}");
            return 1;
        }
    }
}
