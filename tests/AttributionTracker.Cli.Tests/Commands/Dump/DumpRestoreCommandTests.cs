using System.Globalization;
using System.Text.Json.Nodes;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Testing;

namespace AttributionTracker.Cli.Tests.Commands.Dump;

public sealed class DumpRestoreCommandTests
{
    private const string Password = "a long enough password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_store_dumped_and_restored_into_a_new_folder_is_the_same_store_and_its_accounts_get_a_password_by_set_password()
    {
        using var temp = new TempFolder();
        var (original, copy) = (temp.SeededStore("original"), temp.Path("copy"));
        Assert.Equal(0, (await RunAsync(Password + "\n", "users", "add", "--email", "ana@example.org", "--role", "admin", "--data-folder", original)).ExitCode);

        var dumped = await Cli.RunAsync("dump", "--output", temp.Path("store.json"), "--data-folder", original);
        var restored = await Cli.RunAsync("restore", temp.Path("store.json"), "--data-folder", copy);

        Assert.Equal(0, dumped.ExitCode);
        Assert.Equal(0, restored.ExitCode);
        Assert.Contains(restored.Lines, l => l.Contains("users set-password --email", StringComparison.Ordinal));
        Assert.Equal(await StoreCounts.OfAsync(original), await StoreCounts.OfAsync(copy));
        Assert.Equal(0, (await Cli.RunAsync("dump", "--output", temp.Path("again.json"), "--data-folder", copy)).ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(temp.Path("store.json"), Ct), await File.ReadAllTextAsync(temp.Path("again.json"), Ct));

        await using (var db = StoreCounts.Open(copy))
        {
            Assert.Null((await db.Users.SingleAsync(Ct)).PasswordHash);
        }

        var set = await RunAsync("another long password\n", "users", "set-password", "--email", "ana@example.org", "--data-folder", copy);
        Assert.Equal(0, set.ExitCode);
        await using (var db = StoreCounts.Open(copy))
        {
            var ana = await db.Users.SingleAsync(Ct);
            Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<Account>().VerifyHashedPassword(ana, ana.PasswordHash!, "another long password"));
        }

        // The copy now holds records: a second restore into it is refused and changes nothing.
        var before = await StoreCounts.OfAsync(copy);
        var again = await Cli.RunAsync("restore", temp.Path("store.json"), "--data-folder", copy);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds records (", Assert.Single(again.Errors));
        Assert.Equal(before, await StoreCounts.OfAsync(copy));
    }

    [Theory]
    [InlineData("{\"format\": \"attribution-dump/9\", \"migration\": \"x\", \"tables\": []}", "reads only \"attribution-dump/1\"")]
    [InlineData("{\"format\": \"attribution-dump/1\", \"migration\": \"20261129062456_ActorMerges\", \"tables\": [{\"name\": \"Gadgets\", \"rows\": []}]}", "unknown table Gadgets")]
    [InlineData("{\"format\": \"attribution-dump/1\", \"migration\": \"20261129062456_ActorMerges\", \"tables\": [{\"name\": \"States\", \"rows\": [{\"Code\": 12", "not a complete JSON document")]
    [InlineData("<html>not a dump</html>", "not a complete JSON document")]
    public async Task A_bad_dump_is_refused_with_the_reason_and_no_store_is_made(string content, string reason)
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.Path("bad.json"), content, Ct);

        var run = await Cli.RunAsync("restore", temp.Path("bad.json"), "--data-folder", temp.Path("data"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Errors, e => e.Contains(reason, StringComparison.Ordinal));
        Assert.Equal("Nothing was written.", run.Lines[^1]);
        Assert.False(File.Exists(temp.Path("data", "attribution.db")));
    }

    [Fact]
    public async Task Dumping_a_folder_with_no_store_says_so_and_makes_none()
    {
        using var temp = new TempFolder();

        var run = await Cli.RunAsync("dump", "--output", temp.Path("out.json"), "--data-folder", temp.Path("nothing"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("there is no store at", Assert.Single(run.Errors));
        Assert.False(File.Exists(temp.Path("nothing", "attribution.db")));
        Assert.False(File.Exists(temp.Path("out.json")));
    }

    [Fact]
    public async Task Records_added_to_a_restored_store_get_fresh_ids()
    {
        using var temp = new TempFolder();
        var (original, copy) = (temp.SeededStore("original"), temp.Path("copy"));
        Assert.Equal(0, (await Cli.RunAsync("dump", "--output", temp.Path("store.json"), "--data-folder", original)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("restore", temp.Path("store.json"), "--data-folder", copy)).ExitCode);
        var before = await StoreCounts.OfAsync(copy);

        var import = await Cli.RunAsync("import", RepositoryFiles.Corpus("en_02_wannacry_north_korea.txt"), "--data-folder", copy);

        Assert.True(import.ExitCode == 0, import.Output);
        var after = await StoreCounts.OfAsync(copy);
        Assert.Equal(before.Sources + 1, after.Sources);
        Assert.True(after.Statements > before.Statements);
    }

    [Fact]
    public async Task A_SQLite_store_dumped_restored_into_PostgreSQL_and_dumped_again_gives_the_same_rows()
    {
        Assert.SkipUnless(TestDatabase.OnPostgres, "needs the PostgreSQL server of the PostgreSQL pass (ATTRIBUTION_TEST_DATABASE=postgres)");
        using var temp = new TempFolder();
        var (sqlite, postgres) = (temp.Path("sqlite"), temp.Path("postgres"));
        StoreTemplate.CopyInto(sqlite);
        var onSqlite = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite" };

        var dumped = await Cli.RunProcessAsync(temp.FullName, onSqlite, "dump", "--output", temp.Path("sqlite.json"), "--data-folder", sqlite);
        var restored = await Cli.RunAsync("restore", temp.Path("sqlite.json"), "--data-folder", postgres);
        var again = await Cli.RunAsync("dump", "--output", temp.Path("postgres.json"), "--data-folder", postgres);

        Assert.True(dumped.ExitCode == 0, dumped.Stdout + dumped.Stderr);
        Assert.True(restored.ExitCode == 0, restored.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(await TablesAsync(temp.Path("sqlite.json")), await TablesAsync(temp.Path("postgres.json")));
    }

    /// <summary>
    /// The rows of a dump, times cut to the microsecond: PostgreSQL keeps microseconds where SQLite keeps the 100 ns ticks
    /// of .NET, so that last digit is all a trip through PostgreSQL may change.
    /// </summary>
    private static async Task<string> TablesAsync(string dump)
    {
        const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
        var tables = JsonNode.Parse(await File.ReadAllTextAsync(dump, Ct))!["tables"]!;
        foreach (var value in tables.AsArray().SelectMany(t => t!["rows"]!.AsArray()).SelectMany(r => r!.AsObject().Select(c => c.Value)).OfType<JsonValue>())
        {
            if (value.TryGetValue(out string? text) && DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
            {
                value.ReplaceWith(new DateTime(time.Ticks - (time.Ticks % 10), DateTimeKind.Utc).ToString(Format, CultureInfo.InvariantCulture));
            }
        }

        return tables.ToJsonString();
    }

    private static async Task<CliRun> RunAsync(string stdin, params string[] args)
    {
        var console = new TestConsole().Width(2000);
        var exitCode = await CliApp.RunAsync(Cli.OnEngineUnderTest(args), console, new StandardInput(new StringReader(stdin), IsTerminal: false));
        return new CliRun(exitCode, console.Output);
    }
}
