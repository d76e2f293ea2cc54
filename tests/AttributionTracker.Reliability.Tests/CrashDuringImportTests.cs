using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Reliability.Tests;

[Collection(HeavyLoad.Name)]
public sealed class CrashDuringImportTests
{
    // Enough that the kill lands mid-import with many articles on either side of it; each one adds seconds to the suite.
    private const int Articles = 150;
    private const int StoredBeforeKill = 40;
    // A hang guard, not a speed limit: an import of these articles takes well under a minute on an idle machine, but a
    // CI machine shared with other builds can be many times slower.
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task An_import_killed_part_way_leaves_a_sound_store_and_the_same_import_again_completes_it_without_duplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        var data = temp.Folder("data");
        var folder = temp.Folder("articles");
        var expected = new ImportedArticles(ArticleFolder.Write(folder, Articles));
        Assert.True(expected.ExpectedStatements.Values.Sum() > Articles, "the articles must carry statements for a half-written one to show");

        // Migrations and reference data first, so the import killed below is writing articles, not setting up the store.
        var init = await CliProcess.RunAsync(RunLimit, "init", "--data-folder", data);
        Assert.True(init.ExitCode == 0, init.Output);

        var clock = Stopwatch.StartNew();
        int storedAtKill;
        int exitCode;
        using (var import = CliProcess.Start("import", folder, "--data-folder", data))
        {
            storedAtKill = await WaitForSomeArticlesAsync(import, data, expected, ct);
            import.KillHard();
            await import.WaitAsync(TimeSpan.FromSeconds(30));
            exitCode = import.ExitCode;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"killed the import after {clock.Elapsed.TotalSeconds:0.0} s with {storedAtKill} of {Articles} articles seen stored");

        // 128 + 9: the shell's way of saying "ended by SIGKILL", which .NET reports as the exit code.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(137, exitCode);
        }

        var (integrity, brokenKeys) = await Store.CheckAsync(data, ct);
        Assert.Equal(["ok"], integrity);
        Assert.Empty(brokenKeys);

        // Each article is all there or not there: one source, every statement the extractor finds, each with its party.
        IReadOnlyList<StoredArticle> afterCrash;
        await using (var db = Store.OpenReadOnly(data))
        {
            afterCrash = await expected.InStoreAsync(db, ct);
        }

        Assert.InRange(afterCrash.Count, storedAtKill, Articles - 1);
        Assert.All(afterCrash, a =>
        {
            Assert.Equal(1, a.Copies);
            Assert.Equal(expected.ExpectedStatements[a.File], a.Statements);
            Assert.Equal(0, a.StatementsWithoutParty);
        });

        var again = await CliProcess.RunAsync(RunLimit, "import", folder, "--data-folder", data);
        Assert.True(again.ExitCode == 0, again.Output);
        var summary = Assert.Single(again.Output.ReplaceLineEndings("\n").Split('\n'), l => l.Contains(" already imported, ", StringComparison.Ordinal));
        Assert.StartsWith($"{Articles - afterCrash.Count} imported (", summary, StringComparison.Ordinal);
        Assert.EndsWith($" {afterCrash.Count} already imported, 0 failed.", summary, StringComparison.Ordinal);

        await using (var db = Store.OpenReadOnly(data))
        {
            var complete = await expected.InStoreAsync(db, ct);
            Assert.Equal(Articles, complete.Count);
            Assert.All(complete, a =>
            {
                Assert.Equal(1, a.Copies);
                Assert.Equal(expected.ExpectedStatements[a.File], a.Statements);
                Assert.Equal(0, a.StatementsWithoutParty);
            });
            Assert.Equal(Articles, await db.Sources.CountAsync(s => s.ImportedFrom!.StartsWith(folder), ct));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"the second import stored the other {Articles - afterCrash.Count}; {clock.Elapsed.TotalSeconds:0.0} s in all");
    }

    /// <summary>Polls the store from outside until the import has stored <see cref="StoredBeforeKill"/> articles, then returns how many it saw.</summary>
    private static async Task<int> WaitForSomeArticlesAsync(CliProcess import, string data, ImportedArticles expected, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < RunLimit)
        {
            Assert.False(import.HasExited, "the import ended before it could be killed:\n" + import.Output);
            if (File.Exists(Store.FileIn(data)))
            {
                await using var db = Store.OpenReadOnly(data);
                var stored = (await expected.InStoreAsync(db, ct)).Count;
                if (stored >= StoredBeforeKill)
                {
                    return stored;
                }
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("the import stored too few articles to kill it part-way:\n" + import.Output);
    }
}
