using System.Diagnostics;
using Spectre.Console.Testing;

namespace AttributionTracker.Cli.Tests;

/// <summary>What a command printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output)
{
    /// <summary>The non-blank lines of the output, trailing spaces removed.</summary>
    public IReadOnlyList<string> Lines { get; } =
        [.. Output.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)];

    public IReadOnlyList<string> Errors => [.. Lines.Where(l => l.StartsWith("error:", StringComparison.Ordinal))];
}

/// <summary>A run of the <c>attribution</c> program in a child process: its standard output and error kept apart.</summary>
public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the real <c>attribution</c> command line.</summary>
public static class Cli
{
    /// <summary>In process, through <see cref="CliApp.RunAsync"/>, with a console wide enough that no line wraps.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(2000);
        var exitCode = await CliApp.RunAsync(args, console);
        return new CliRun(exitCode, console.Output);
    }

    /// <summary>
    /// As a user runs it: the built program in a child process, so what goes to stdout (the JSON of <c>extract</c>)
    /// is captured as it is, and the environment (HOME, the data folder) is the test's own.
    /// </summary>
    public static async Task<ProcessRun> RunProcessAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = CliProgram.StartInfo(args, workingDirectory, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + CliProgram.Executable);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }
}
