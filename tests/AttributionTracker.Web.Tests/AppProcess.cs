using System.Diagnostics;

namespace AttributionTracker.Web.Tests;

/// <summary>
/// The built web app in its own process, started as a user starts it: from the test's output folder (which holds its
/// appsettings.json), on a free port of 127.0.0.1, with the given settings as environment variables instead of any
/// <c>Database__</c> variable the test run has.
/// </summary>
internal static class AppProcess
{
    public static Process Start(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "AttributionTracker.Web.exe" : "AttributionTracker.Web"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the web app");
    }

    /// <summary>Reads the app's output until it says where it listens; the address, or null when it exited first.</summary>
    public static async Task<Uri?> ListeningAsync(Process process, CancellationToken cancellationToken)
    {
        const string Listening = "Now listening on: ";
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.IndexOf(Listening, StringComparison.Ordinal) is var at and >= 0)
            {
                return new Uri(line[(at + Listening.Length)..].Trim());
            }
        }

        return null;
    }
}
