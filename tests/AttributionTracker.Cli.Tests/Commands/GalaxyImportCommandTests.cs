using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Cli.Tests.Commands;

public sealed class GalaxyImportCommandTests
{
    // One good actor and three bad ones: the file is refused whole, the good actor included.
    private const string Malformed = """
        {
          "name": "Threat Actor",
          "type": "threat-actor",
          "values": [
            { "uuid": "7a1e1b5c-2d4f-4e8a-9b3c-111111111111", "value": "TEST GOOD ACTOR", "meta": { "country": "RU" } },
            { "uuid": "not-a-uuid", "value": "TEST BAD UUID" },
            { "uuid": "7a1e1b5c-2d4f-4e8a-9b3c-222222222222" },
            { "uuid": "7a1e1b5c-2d4f-4e8a-9b3c-111111111111", "value": "TEST TWICE" }
          ]
        }
        """;

    [Fact]
    public async Task Importing_a_malformed_galaxy_file_lists_its_problems_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var file = temp.Path("threat-actor.json");
        await File.WriteAllTextAsync(file, Malformed, TestContext.Current.CancellationToken);
        var before = await StoreCounts.OfAsync(data);

        var run = await Cli.RunAsync("galaxy", "import", file, "--data-folder", data);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal($"error: {file}: not a usable MISP galaxy cluster file; nothing was imported. 3 problems:", Assert.Single(run.Errors));
        Assert.Contains(run.Lines, l => l.Contains("values[1]: missing or malformed \"uuid\"", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("values[2] (7a1e1b5c-2d4f-4e8a-9b3c-222222222222): missing \"value\"", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("values[3] (TEST TWICE): uuid 7a1e1b5c-2d4f-4e8a-9b3c-111111111111 appears twice", StringComparison.Ordinal));
        Assert.Equal(before, await StoreCounts.OfAsync(data));
        await using var db = StoreCounts.Open(data);
        string[] names = ["TEST GOOD ACTOR", "TEST BAD UUID", "TEST TWICE"];
        Assert.False(await db.Actors.AnyAsync(a => names.Contains(a.Name), TestContext.Current.CancellationToken));
        Assert.False(await db.ReferenceLoads.AnyAsync(r => r.Name == "reference/threat-actor.json", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_JSON_says_so_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var file = temp.Path("threat-actor.json");
        await File.WriteAllTextAsync(file, "{ \"values\": [ { \"uuid\": ", TestContext.Current.CancellationToken);
        var before = await StoreCounts.OfAsync(data);

        var run = await Cli.RunAsync("galaxy", "import", file, "--data-folder", data);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal($"error: {file}: not a usable MISP galaxy cluster file; nothing was imported. 1 problem:", Assert.Single(run.Errors));
        Assert.Contains(run.Lines, l => l.StartsWith("  not valid JSON", StringComparison.Ordinal));
        Assert.Equal(before, await StoreCounts.OfAsync(data));
    }

    [Fact]
    public async Task Importing_a_missing_galaxy_file_names_it()
    {
        using var temp = new TempFolder();
        var file = temp.Path("nowhere.json");

        var run = await Cli.RunAsync("galaxy", "import", file, "--data-folder", temp.Path("data"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal([$"error: {file}: no such file"], run.Lines);
        Assert.False(Directory.Exists(temp.Path("data")));
    }
}
