namespace AttributionTracker.Cli.Tests.Commands;

// Only what bench refuses: its timings are reported by tests/bench/extractor.sh, never asserted in a test.
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Benchmarking_a_missing_folder_names_it()
    {
        using var temp = new TempFolder();
        var folder = temp.Path("nowhere");

        var run = await Cli.RunAsync("bench", folder, "--seconds", "1");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal([$"error: {folder}: no such folder"], run.Lines);
    }

    [Fact]
    public async Task Benchmarking_a_folder_without_articles_says_so()
    {
        using var temp = new TempFolder();

        var run = await Cli.RunAsync("bench", temp.FullName, "--seconds", "1");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal([$"error: {temp.FullName}: no .txt article to time"], run.Lines);
    }

    [Theory]
    [InlineData("--seconds", "0")]
    [InlineData("--size", "10")]
    public async Task Benchmarking_with_an_option_out_of_range_is_refused(string option, string value)
    {
        var run = await Cli.RunAsync("bench", option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.Contains(option, StringComparison.Ordinal) && l.Contains("must be", StringComparison.Ordinal));
    }
}
