using System.Diagnostics;
using System.Text;

namespace AttributionTracker.Reliability.Tests;

/// <summary>
/// The built <c>attribution</c> program running in a child process over a test's data folder, as a user runs it:
/// a test may wait for it or kill it part-way.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CliProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Standard output and error as far as read, interleaved.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static CliProcess Start(params string[] args)
    {
        var start = CliProgram.StartInfo(args);
        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("could not start " + CliProgram.Executable);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs the program to its end (at most <paramref name="timeout"/>) and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var cli = Start(args);
        await cli.WaitAsync(timeout);
        return (cli.ExitCode, cli.Output);
    }

    public async Task WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"attribution {string.Join(' ', process.StartInfo.ArgumentList)} did not finish in {timeout}:\n{Output}");
        }
    }

    /// <summary>
    /// Kills the program where it stands: on Linux and macOS <see cref="Process.Kill(bool)"/> sends SIGKILL, which the
    /// program can neither catch nor clean up after — a power cut as far as the store is concerned.
    /// </summary>
    public void KillHard() => process.Kill(entireProcessTree: true);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
