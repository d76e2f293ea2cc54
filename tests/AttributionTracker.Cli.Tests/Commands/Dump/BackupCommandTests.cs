using Microsoft.Data.Sqlite;

namespace AttributionTracker.Cli.Tests.Commands.Dump;

public sealed class BackupCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_is_a_working_store_and_an_existing_file_is_replaced_only_with_force()
    {
        Assert.SkipWhen(TestDatabase.OnPostgres, TestDatabase.SqliteOnly + "backup copies the SQLite file (SQLite online backup); on PostgreSQL it points to pg_dump, tested below");
        using var temp = new TempFolder();
        temp.SeededStore();

        var first = await Cli.RunAsync("backup", "--output", temp.Path("copy.db"), "--data-folder", temp.Path("data"));
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(await StoreCounts.OfAsync(temp.Path("data")), await StoreCountsOfFileAsync(temp.Path("copy.db")));

        var written = File.GetLastWriteTimeUtc(temp.Path("copy.db"));
        var refused = await Cli.RunAsync("backup", "--output", temp.Path("copy.db"), "--data-folder", temp.Path("data"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already exists; pass --force to replace it", Assert.Single(refused.Errors));
        Assert.Equal(written, File.GetLastWriteTimeUtc(temp.Path("copy.db")));

        Assert.Equal(0, (await Cli.RunAsync("backup", "--output", temp.Path("copy.db"), "--force", "--data-folder", temp.Path("data"))).ExitCode);
    }

    [Fact]
    public async Task A_store_that_is_not_a_sqlite_file_is_refused_with_the_reason()
    {
        using var temp = new TempFolder();

        var run = await Cli.RunAsync("backup", "--output", temp.Path("copy.db"), "--connection", "Host=localhost;Database=attribution;Username=attribution");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("backup copies SQLite store files only", Assert.Single(run.Errors));
        Assert.False(File.Exists(temp.Path("copy.db")));
    }

    [Fact]
    public async Task On_PostgreSQL_backup_says_to_use_pg_dump_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var postgres = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = "Host=127.0.0.1;Database=attribution;Username=attribution",
        };

        var run = await Cli.RunProcessAsync(temp.FullName, postgres, "backup", "--output", temp.Path("copy.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("this store is on PostgreSQL: use pg_dump", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Path("copy.db")));
    }

    [Fact]
    public async Task Backup_without_an_output_file_asks_for_one()
    {
        var run = await Cli.RunAsync("backup");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--output", Assert.Single(run.Errors));
    }

    private static async Task<StoreCounts> StoreCountsOfFileAsync(string file)
    {
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", await check.ExecuteScalarAsync(Ct));
        }

        var folder = Path.Combine(Path.GetDirectoryName(file)!, "opened-copy");
        Directory.CreateDirectory(folder);
        File.Copy(file, Path.Combine(folder, "attribution.db"));
        return await StoreCounts.OfAsync(folder);
    }
}
