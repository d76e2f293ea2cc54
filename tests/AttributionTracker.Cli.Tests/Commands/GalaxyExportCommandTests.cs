using AttributionTracker.Interop.Misp;

namespace AttributionTracker.Cli.Tests.Commands;

public sealed class GalaxyExportCommandTests
{
    [Fact]
    public async Task Exporting_writes_a_galaxy_file_that_galaxy_import_takes_back_without_new_actors()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var file = temp.Path("threat-actor.json");

        var export = await Cli.RunAsync("galaxy", "export", "--output", file, "--data-folder", data);

        Assert.Equal(0, export.ExitCode);
        var counts = await StoreCounts.OfAsync(data);
        Assert.Equal([$"{file}: {counts.Actors} actors written."], export.Lines);
        await using (var stream = File.OpenRead(file))
        {
            var galaxy = GalaxyReader.Read(stream, file);
            Assert.Equal(counts.Actors, galaxy.Values.Count);
            Assert.Contains(galaxy.Values, v => v.Value == "HAFNIUM" && v.Uuid == "4f05d6c1-3fc1-4567-91cd-dd4637cc38b5" && v.Country == "CN");
        }

        // Read back into the store it came from, every actor is found by its uuid: nothing new, nothing lost.
        var import = await Cli.RunAsync("galaxy", "import", file, "--data-folder", data);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal([$"{file}: loaded; 0 new actors, {counts.Actors} in all."], import.Lines);
        Assert.Equal(counts.Actors, (await StoreCounts.OfAsync(data)).Actors);
    }

    [Fact]
    public async Task Exporting_to_a_folder_that_does_not_exist_says_so()
    {
        using var temp = new TempFolder();
        var file = temp.Path("no-such-folder", "threat-actor.json");

        var run = await Cli.RunAsync("galaxy", "export", "--output", file, "--data-folder", temp.Path("data"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.StartsWith($"error: {file}:", Assert.Single(run.Errors), StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
