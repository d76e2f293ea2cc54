using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Cli.Tests.Infrastructure;

/// <summary>A store that start cannot bring up to date: one line on the terminal, exit code 1, the store as it was.</summary>
public sealed class StoreErrorTests
{
    [Fact]
    public async Task A_migration_that_fails_is_one_error_line_naming_the_store_and_the_migration_and_exit_code_1()
    {
        using var temp = new TempFolder();
        var (data, store) = await StoreAsync(temp, UnmigratableStores.ClashingTable);
        string first;
        await using (var db = FolderStores.Open(data))
        {
            first = db.Database.GetMigrations().First();
        }

        var run = await Cli.RunProcessAsync(temp.FullName, new Dictionary<string, string>(), "init", "--data-folder", data);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(Lines(run));
        Assert.StartsWith($"error: Cannot apply migration {first} to the {(TestDatabase.OnPostgres ? "PostgreSQL" : "SQLite")} store ", line);
        Assert.Contains("already exists", line);
        Assert.Empty(await UnmigratableStores.HistoryAsync(store));
    }

    [Fact]
    public async Task A_store_a_newer_build_upgraded_is_one_error_line_and_exit_code_1()
    {
        using var temp = new TempFolder();
        var (data, store) = await StoreAsync(temp, UnmigratableStores.NewerBuildsHistory);

        var run = await Cli.RunProcessAsync(temp.FullName, new Dictionary<string, string>(), "init", "--data-folder", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"migration {UnmigratableStores.NewerMigration} is unknown to this build", Assert.Single(Lines(run)));
        Assert.Equal(["__EFMigrationsHistory"], await UnmigratableStores.TablesAsync(store));
    }

    [Fact]
    public async Task A_data_file_that_is_not_a_database_is_one_error_line_and_exit_code_1()
    {
        using var temp = new TempFolder();
        var data = temp.Folder("data");
        var file = Path.Combine(data, "attribution.db");
        await File.WriteAllTextAsync(file, "not a database, but notes someone saved under the store's name", TestContext.Current.CancellationToken);

        // SQLite by nature: the engine is chosen here, whichever pass this is.
        var run = await Cli.RunProcessAsync(temp.FullName, new Dictionary<string, string> { ["Database__Provider"] = "Sqlite" }, "init", "--data-folder", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"error: Cannot open the SQLite store {file}: SQLite Error 26: 'file is not a database'."], Lines(run));
    }

    /// <summary>The data folder of a store made by <paramref name="sql"/> (<see cref="UnmigratableStores"/>), and its connection string.</summary>
    private static async Task<(string Data, string Store)> StoreAsync(TempFolder temp, string sql)
    {
        var data = temp.Path("data");
        var store = UnmigratableStores.ConnectionString(data, FolderStores.PostgresConnectionString(data));
        await UnmigratableStores.CreateAsync(store, sql);
        return (data, store);
    }

    // Standard output and error together, as the terminal shows them.
    private static List<string> Lines(ProcessRun run) =>
        [.. (run.Stdout + run.Stderr).ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)];
}
