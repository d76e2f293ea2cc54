using System.Text.RegularExpressions;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Cli.Tests.Commands;

public sealed partial class ImportCommandTests
{
    [Theory]
    [InlineData(BadArticles.Empty)]
    [InlineData(BadArticles.Png)]
    [InlineData(BadArticles.Huge)]
    [InlineData(BadArticles.French)]
    [InlineData(BadArticles.Missing)]
    public async Task Importing_bad_input_reports_the_file_and_the_reason_and_changes_nothing(string kind)
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var (path, reason) = BadArticles.Create(kind, temp.FullName);
        var before = await StoreCounts.OfAsync(data);

        var run = await Cli.RunAsync("import", path, "--data-folder", data);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal([$"error: {path}: {reason}"], run.Errors);
        Assert.Equal(new Summary(0, 0, 0, 1), Summary.Of(run));
        Assert.Equal(before, await StoreCounts.OfAsync(data));
    }

    [Fact]
    public async Task Importing_the_same_article_twice_imports_it_once()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var article = RepositoryFiles.Corpus("en_02_wannacry_north_korea.txt");
        var before = await StoreCounts.OfAsync(data);

        var first = await Cli.RunAsync("import", article, "--data-folder", data);
        var afterFirst = await StoreCounts.OfAsync(data);
        var second = await Cli.RunAsync("import", article, "--data-folder", data);

        Assert.Equal(0, first.ExitCode);
        var imported = Summary.Of(first);
        Assert.Equal((1, 0, 0), (imported.Imported, imported.Already, imported.Failed));
        Assert.True(imported.Statements > 0, first.Output);
        Assert.Equal(before.Sources + 1, afterFirst.Sources);
        Assert.Equal(before.Statements + imported.Statements, afterFirst.Statements);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains(second.Lines, l => l.StartsWith($"{article}: already imported", StringComparison.Ordinal) && l.EndsWith("nothing changed", StringComparison.Ordinal));
        Assert.Equal(new Summary(0, 0, 1, 0), Summary.Of(second));
        Assert.Equal(afterFirst, await StoreCounts.OfAsync(data));
    }

    [Fact]
    public async Task The_seed_article_is_already_in_a_new_store_so_importing_it_changes_nothing()
    {
        // Every store command first brings the store up to date, which imports the seed articles (README, "What
        // first start does"): in a new data folder the seed is there before `import` reads it.
        using var temp = new TempFolder();
        var data = temp.Path("data");

        var first = await Cli.RunAsync("import", RepositoryFiles.SeedArticle, "--data-folder", data);
        var afterFirst = await StoreCounts.OfAsync(data);
        var second = await Cli.RunAsync("import", RepositoryFiles.SeedArticle, "--data-folder", data);

        Assert.Equal(1, afterFirst.Sources);
        Assert.True(afterFirst.Statements > 0);
        foreach (var run in new[] { first, second })
        {
            Assert.Equal(0, run.ExitCode);
            Assert.Contains(run.Lines, l => l.StartsWith($"{RepositoryFiles.SeedArticle}: already imported", StringComparison.Ordinal));
            Assert.Equal(new Summary(0, 0, 1, 0), Summary.Of(run));
        }

        Assert.Equal(afterFirst, await StoreCounts.OfAsync(data));
    }

    [Fact]
    public async Task Without_seeding_the_seed_article_is_imported_by_the_first_import_and_not_by_the_second()
    {
        using var temp = new TempFolder();
        var data = temp.Path("data");
        var noSeeds = new Dictionary<string, string> { ["Database__SeedOnStart"] = "false" };

        var first = await Cli.RunProcessAsync(temp.FullName, noSeeds, "import", RepositoryFiles.SeedArticle, "--data-folder", data);
        var afterFirst = await StoreCounts.OfAsync(data);
        var second = await Cli.RunProcessAsync(temp.FullName, noSeeds, "import", RepositoryFiles.SeedArticle, "--data-folder", data);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Matches(@"(?m)^1 imported \([1-9]\d* statements\), 0 already imported, 0 failed\.", first.Stdout);
        Assert.Equal(1, afterFirst.Sources);
        Assert.True(afterFirst.Statements > 0);

        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Contains("already imported", second.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^0 imported \(0 statements\), 1 already imported, 0 failed\.", second.Stdout);
        Assert.Equal(afterFirst, await StoreCounts.OfAsync(data));
    }

    [Fact]
    public async Task Importing_a_folder_imports_every_article_in_it()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var folder = temp.Folder("articles");
        var files = new[] { "en_03_iran_bank_ddos.txt", "es_05_apt40_australia_china.txt" }.Select(f => temp.Copy(RepositoryFiles.Corpus(f), folder)).ToList();
        var before = await StoreCounts.OfAsync(data);

        var run = await Cli.RunAsync("import", folder, "--data-folder", data);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Errors);
        var summary = Summary.Of(run);
        Assert.Equal((2, 0, 0), (summary.Imported, summary.Already, summary.Failed));
        var after = await StoreCounts.OfAsync(data);
        Assert.Equal(before.Sources + 2, after.Sources);
        Assert.Equal(before.Statements + summary.Statements, after.Statements);
        Assert.Equal(files, await ImportedFromAsync(data, folder));
    }

    [Fact]
    public async Task Importing_a_folder_with_bad_files_imports_the_good_ones_and_reports_each_bad_one()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var folder = temp.Folder("articles");
        var good = new[] { "en_04_solarwinds_svr.txt", "es_06_apt28_chequia_alemania.txt" }.Select(f => temp.Copy(RepositoryFiles.Corpus(f), folder)).ToList();
        var bad = new[]
        {
            BadArticles.Create(BadArticles.Empty, folder, "a_empty.txt"),
            BadArticles.Create(BadArticles.Png, folder, "b_picture.txt"),
            BadArticles.Create(BadArticles.French, folder, "c_french.md"),
        };
        var before = await StoreCounts.OfAsync(data);

        var run = await Cli.RunAsync("import", folder, "--data-folder", data);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal([.. bad.Select(b => $"error: {b.Path}: {b.Reason}")], run.Errors);
        var summary = Summary.Of(run);
        Assert.Equal((2, 0, 3), (summary.Imported, summary.Already, summary.Failed));
        var after = await StoreCounts.OfAsync(data);
        Assert.Equal(before.Sources + 2, after.Sources);
        Assert.Equal(before.Statements + summary.Statements, after.Statements);
        Assert.Equal(good, await ImportedFromAsync(data, folder));
    }

    [Fact]
    public async Task Importing_two_articles_that_name_HAFNIUM_leaves_one_HAFNIUM_actor()
    {
        // The seed says "Hafnio" and "Hafnium"; the Storting article says "Hafnium": one actor, whatever the spelling.
        using var temp = new TempFolder();
        var data = temp.SeededStore();

        var seed = await Cli.RunAsync("import", RepositoryFiles.SeedArticle, "--data-folder", data);
        var storting = await Cli.RunAsync("import", RepositoryFiles.Corpus("es_08_storting_noruega_rusia_china.txt"), "--data-folder", data);

        Assert.Equal(0, seed.ExitCode);
        Assert.Equal(0, storting.ExitCode);
        Assert.Equal(1, Summary.Of(storting).Imported);
        await using var db = StoreCounts.Open(data);
        Assert.Equal(2, await db.Sources.CountAsync(TestContext.Current.CancellationToken));
        string[] keys = [TextFolding.Key("HAFNIUM"), TextFolding.Key("Hafnio")];
        var hafnium = await db.Actors
            .Where(a => a.Name == "HAFNIUM" || a.Aliases.Any(x => keys.Contains(x.Key)))
            .Select(a => a.Name)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["HAFNIUM"], hafnium);
    }

    private static async Task<List<string>> ImportedFromAsync(string data, string folder)
    {
        await using var db = StoreCounts.Open(data);
        var from = await db.Sources.Select(s => s.ImportedFrom).ToListAsync(TestContext.Current.CancellationToken);
        return [.. from.OfType<string>().Where(f => f.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The closing line of <c>import</c>: "2 imported (9 statements), 0 already imported, 1 failed."</summary>
    private sealed record Summary(int Imported, int Statements, int Already, int Failed)
    {
        public static Summary Of(CliRun run)
        {
            var match = SummaryLine().Match(run.Lines.LastOrDefault() ?? "");
            Assert.True(match.Success, "no summary line at the end of:\n" + run.Output);
            int At(int group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
            return new Summary(At(1), At(2), At(3), At(4));
        }
    }

    [GeneratedRegex(@"^(\d+) imported \((\d+) statements\), (\d+) already imported, (\d+) failed\.$")]
    private static partial Regex SummaryLine();
}
