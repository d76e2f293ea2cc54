using System.Text.Json;

namespace AttributionTracker.Cli.Tests.Commands;

public sealed class ExtractCommandTests
{
    [Fact]
    public async Task Extracting_the_seed_article_prints_its_statements_as_JSON_and_writes_no_database()
    {
        using var temp = new TempFolder();
        var home = temp.Folder("home");
        var data = temp.Folder("data");
        var work = temp.Folder("work");

        // Wherever a store could go — the configured data folder, the per-user default under HOME — stays empty.
        var run = await Cli.RunProcessAsync(
            work,
            new Dictionary<string, string> { ["HOME"] = home, ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share"), ["Database__DataFolder"] = data },
            "extract", RepositoryFiles.SeedArticle, "--date", "2021-07-19");

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Stderr}{run.Stdout}");
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("attribution-extraction/1", root.GetProperty("schema").GetString());
        Assert.Equal("es", root.GetProperty("language").GetString());
        Assert.Equal("2021-07-19", root.GetProperty("published").GetString());
        var kinds = root.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToList();
        Assert.Contains("attribution", kinds);
        Assert.Contains("denial", kinds);
        Assert.Contains(root.GetProperty("actors").EnumerateArray(), a => a.GetProperty("name").GetString() == "HAFNIUM");

        Assert.Empty(Directory.EnumerateFileSystemEntries(data));
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        Assert.Empty(Directory.EnumerateFiles(temp.FullName, "*.db*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(BadArticles.Empty)]
    [InlineData(BadArticles.Png)]
    [InlineData(BadArticles.Huge)]
    [InlineData(BadArticles.French)]
    [InlineData(BadArticles.Missing)]
    public async Task Extracting_bad_input_prints_one_line_naming_the_file_and_the_reason(string kind)
    {
        using var temp = new TempFolder();
        var (path, reason) = BadArticles.Create(kind, temp.FullName);

        var run = await Cli.RunAsync("extract", path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal([$"error: {path}: {reason}"], run.Lines);
    }

    [Fact]
    public async Task Extracting_a_directory_prints_one_line_saying_it_is_a_directory()
    {
        using var temp = new TempFolder();
        var folder = temp.Folder("articles");
        temp.Copy(RepositoryFiles.Corpus("en_01_notpetya_russia.txt"), folder);

        var run = await Cli.RunAsync("extract", folder);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal([$"error: {folder}: is a directory"], run.Lines);
    }
}
