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

/// <summary>
/// Runs the real <c>attribution</c> command line. On PostgreSQL (<see cref="TestDatabase.OnPostgres"/>) a run gets
/// <c>Database__Provider=Postgres</c> in its environment and, for its <c>--data-folder</c>, the connection to the database
/// that stands for that folder (<see cref="FolderStores"/>), so the tests read the same on both engines.
/// </summary>
public static class Cli
{
    static Cli()
    {
        // In-process runs read the configuration from this process's environment; every one of them is on the engine under test.
        if (TestDatabase.OnPostgres)
        {
            Environment.SetEnvironmentVariable("Database__Provider", nameof(Data.StoreProvider.Postgres));
        }
    }

    /// <summary>In process, through <see cref="CliApp.RunAsync"/>, with a console wide enough that no line wraps.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(2000);
        var exitCode = await CliApp.RunAsync(OnEngineUnderTest(args), console);
        return new CliRun(exitCode, console.Output);
    }

    /// <summary>
    /// <paramref name="args"/> with, on PostgreSQL, <c>--connection</c> to the database of their <c>--data-folder</c>
    /// (unless they give one). The folder stays: it still holds the logs and names the store in messages.
    /// </summary>
    public static string[] OnEngineUnderTest(string[] args)
    {
        var folder = Array.IndexOf(args, "--data-folder");
        return folder >= 0 && folder + 1 < args.Length && !args.Contains("--connection")
            && FolderStores.PostgresConnectionString(args[folder + 1]) is { } connection
                ? [.. args, "--connection", connection]
                : args;
    }

    /// <summary>
    /// As a user runs it: the built program in a child process, so what goes to stdout (the JSON of <c>extract</c>)
    /// is captured as it is, and the environment (HOME, the data folder) is the test's own.
    /// </summary>
    public static async Task<ProcessRun> RunProcessAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // On PostgreSQL unless the test chooses the engine itself (a SQLite store to dump from, say).
        var onPostgres = TestDatabase.OnPostgres && !environment.ContainsKey("Database__Provider");
        var settings = new Dictionary<string, string>(environment);
        if (onPostgres)
        {
            settings["Database__Provider"] = nameof(Data.StoreProvider.Postgres);
        }

        var start = CliProgram.StartInfo(onPostgres ? OnEngineUnderTest(args) : args, workingDirectory, settings);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + CliProgram.Executable);
        // Generous: a first start on PostgreSQL creates and migrates a database, which takes minutes on a busy machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }
}
