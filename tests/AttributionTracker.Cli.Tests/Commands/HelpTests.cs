namespace AttributionTracker.Cli.Tests.Commands;

public sealed class HelpTests
{
    [Fact]
    public async Task Help_lists_every_command()
    {
        var run = await Cli.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("USAGE:", StringComparison.Ordinal));
        foreach (var command in new[] { "extract", "import", "init", "galaxy", "csv", "bench" })
        {
            Assert.Contains(run.Lines, l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
        }
    }
}
