using System.Text.Json.Nodes;

namespace AttributionTracker.Cli.Tests.Commands.Stix;

public sealed class StixCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_incident_exported_from_one_store_imports_into_another_and_reports_what_it_merged()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var file = temp.Path("finland.stix.json");

        var export = await Cli.RunAsync("stix", "export", "--incident", "ataque-al-parlamento-de-finlandia", "--output", file, "--data-folder", data);

        Assert.Equal(0, export.ExitCode);
        var bundle = JsonNode.Parse(await File.ReadAllTextAsync(file, Ct))!.AsObject();
        Assert.Equal("bundle", (string?)bundle["type"]);
        var types = bundle["objects"]!.AsArray().Select(o => (string?)o!["type"]).ToHashSet();
        Assert.Superset(new HashSet<string?> { "identity", "incident", "relationship", "report" }, types);
        Assert.Equal($"{file}: {bundle["objects"]!.AsArray().Count} STIX objects.", Assert.Single(export.Lines));

        var before = await StoreCounts.OfAsync(data);
        var import = await Cli.RunAsync("stix", "import", file, "--data-folder", data);

        Assert.Equal(0, import.ExitCode);
        Assert.StartsWith($"{file}: created nothing; merged ", Assert.Single(import.Lines), StringComparison.Ordinal);
        Assert.Contains(" statements", import.Lines[0], StringComparison.Ordinal);
        Assert.Equal(before, await StoreCounts.OfAsync(data));
    }

    [Fact]
    public async Task Without_output_the_bundle_alone_goes_to_standard_output()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();

        var run = await Cli.RunProcessAsync(temp.Folder("work"), new Dictionary<string, string> { ["HOME"] = temp.Folder("home") },
            "stix", "export", "--actor", "hafnium", "--data-folder", data);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Stderr}");
        var bundle = JsonNode.Parse(run.Stdout)!.AsObject();
        Assert.Contains(bundle["objects"]!.AsArray(), o => (string?)o!["name"] == "HAFNIUM");
    }

    [Fact]
    public async Task A_bad_bundle_is_refused_with_every_problem_listed_and_the_store_unchanged()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var file = temp.Path("bad.json");
        await File.WriteAllTextAsync(file, """
            {
              "type": "bundle",
              "id": "bundle--3f0c8a3e-5d7b-4c1e-9a2f-8b6d4e2c1a90",
              "objects": [
                { "type": "incident", "spec_version": "2.1", "id": "incident--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
                  "created": "2024-02-03T08:00:00.000Z", "modified": "2024-02-03T08:00:00.000Z", "name": "Grid intrusion" },
                { "type": "relationship", "spec_version": "2.1", "id": "relationship--6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c",
                  "created": "2024-02-04T12:00:00.000Z", "modified": "2024-02-04T12:00:00.000Z", "relationship_type": "attributed-to",
                  "source_ref": "incident--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "target_ref": "intrusion-set--00000000-0000-4000-8000-000000000000",
                  "confidence": 150 }
              ]
            }
            """, Ct);
        var before = await StoreCounts.OfAsync(data);

        var run = await Cli.RunAsync("stix", "import", file, "--data-folder", data);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: {file}: not an importable STIX 2.1 bundle; nothing was imported.", Assert.Single(run.Errors), StringComparison.Ordinal);
        Assert.Contains(run.Lines, l => l.Contains("relationship--6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c ($.objects[1].confidence)", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("($.objects[1].target_ref): refers to intrusion-set--00000000-0000-4000-8000-000000000000, which is not in the bundle", StringComparison.Ordinal));
        Assert.Equal(before, await StoreCounts.OfAsync(data));
    }

    [Fact]
    public async Task Exporting_an_unknown_actor_or_a_non_slug_says_so()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();

        var unknown = await Cli.RunAsync("stix", "export", "--actor", "no-such-actor", "--data-folder", data);
        var malformed = await Cli.RunAsync("stix", "export", "--actor", "Not A Slug", "--data-folder", data);
        var both = await Cli.RunAsync("stix", "export", "--actor", "apt28", "--incident", "x", "--data-folder", data);

        Assert.Equal((1, "error: no actor 'no-such-actor'"), (unknown.ExitCode, Assert.Single(unknown.Errors)));
        Assert.Equal((2, "error: 'Not A Slug' is not a slug (lower-case letters, digits and single hyphens)"), (malformed.ExitCode, Assert.Single(malformed.Errors)));
        Assert.Equal(2, both.ExitCode);
    }
}
