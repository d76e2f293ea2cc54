using Spectre.Console;

namespace AttributionTracker.Cli.Infrastructure;

/// <summary>
/// Where an export goes: a file (written whole or not at all, then a one-line summary) or, without one, standard
/// output as raw bytes, so a pipe gets exactly the file and no console formatting.
/// </summary>
internal static class OutputFile
{
    public static async Task<int> WriteAsync(IAnsiConsole console, string? path, Func<Stream, Task> write, Func<string> summary, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await write(stdout);
            return 0;
        }

        var temporary = path + ".partial";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            console.MarkupLineInterpolated($"[red]error:[/] {path}: {e.Message}");
            return 1;
        }

        cancellationToken.ThrowIfCancellationRequested();
        console.MarkupLineInterpolated($"{path}: {summary()} written.");
        return 0;
    }
}
