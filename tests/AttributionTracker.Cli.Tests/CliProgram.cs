using System.Diagnostics;

namespace AttributionTracker.Cli.Tests;

/// <summary>
/// How a test starts the built <c>attribution</c> program in a child process, as a user runs it. Shared by the CLI
/// tests (<see cref="Cli.RunProcessAsync"/>) and the reliability tests (which also kill it part-way).
/// </summary>
public static class CliProgram
{
    public static string Executable { get; } =
        Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "attribution.exe" : "attribution");

    /// <summary>Output and error redirected; <paramref name="environment"/> added to the test's own, less its store configuration.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Configuration from the test runner's own environment must not reach the program: the test says what it uses.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
