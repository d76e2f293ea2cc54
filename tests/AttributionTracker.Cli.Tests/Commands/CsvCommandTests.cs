using AttributionTracker.Interop.Csv;
using Microsoft.EntityFrameworkCore;
using C = AttributionTracker.Interop.Csv.StatementCsvColumns;

namespace AttributionTracker.Cli.Tests.Commands;

public sealed class CsvCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Statements_exported_with_a_filter_and_imported_back_change_nothing()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var file = temp.Path("statements.csv");

        var export = await Cli.RunAsync("csv", "export", "statements", "--accused", "CN", "--output", file, "--data-folder", data);

        Assert.Equal(0, export.ExitCode);
        var lines = (await File.ReadAllLinesAsync(file, Ct)).Where(l => l.Length > 0).ToList();
        Assert.Equal(string.Join(",", C.Names), lines[0].TrimStart('\uFEFF'));
        Assert.Equal([$"{file}: {lines.Count - 1} statements written."], export.Lines);
        await using (var db = StoreCounts.Open(data))
        {
            var china = AttributionTracker.Domain.CountryCode.Parse("CN");
            Assert.Equal(await db.Statements.CountAsync(s => s.AccusedStateCode == china, Ct), lines.Count - 1);
        }

        var before = await StoreCounts.OfAsync(data);
        var import = await Cli.RunAsync("csv", "import", "statements", file, "--data-folder", data);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal([$"{file}: 0 statements created, 0 updated, {lines.Count - 1} unchanged."], import.Lines);
        Assert.Equal(before, await StoreCounts.OfAsync(data));
    }

    [Fact]
    public async Task Importing_a_bad_statements_file_lists_each_problem_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        var file = temp.Path("statements.csv");
        string Row(params (string Column, string Value)[] cells) =>
            string.Join(",", C.Names.Select(n => cells.FirstOrDefault(c => c.Column == n).Value ?? ""));
        await File.WriteAllLinesAsync(file,
        [
            string.Join(",", C.Names),
            Row((C.Kind, "attribution"), (C.PartySlugs, "microsoft"), (C.Quote, "fine")),
            Row((C.Kind, "attribution"), (C.PartySlugs, "microsoft"), (C.Date, "19/07/2021"), (C.AccusedState, "XX")),
        ], Ct);
        var before = await StoreCounts.OfAsync(data);

        var run = await Cli.RunAsync("csv", "import", "statements", file, "--data-folder", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"error: {file}: not a statements CSV that can be imported; nothing was imported. 2 problems:",
                "  row 3, column date: “19/07/2021” is not a date such as 2021, 2021-03, 2021-03-19 or early 2021-03",
                "  row 3, column accused_state: “XX” is not the ISO code of a state in this store (such as CN or RU)",
            ],
            run.Lines);
        Assert.Equal(before, await StoreCounts.OfAsync(data));
    }

    [Fact]
    public async Task Exporting_incidents_with_a_filter_that_names_nothing_says_which_option()
    {
        using var temp = new TempFolder();

        var run = await Cli.RunAsync("csv", "export", "incidents", "--accused", "ZZ", "--kind", "rumour", "--data-folder", temp.Path("data"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Errors, e => e.StartsWith("error: --kind: “rumour” is not a kind of statement", StringComparison.Ordinal));
        Assert.Contains("error: --accused: No state has the code ZZ.", run.Errors);
    }

    [Fact]
    public async Task Incidents_go_to_a_file_with_the_CFR_trackers_columns_first()
    {
        using var temp = new TempFolder();
        var file = temp.Path("incidents.csv");

        var run = await Cli.RunAsync("csv", "export", "incidents", "--output", file, "--base-url", "https://attribution.example/", "--data-folder", temp.Path("data"));

        Assert.Equal(0, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(file, Ct);
        Assert.Equal(string.Join(",", IncidentCsvExport.Header), lines[0].TrimStart('\uFEFF'));
        Assert.Equal([$"{file}: 3 incidents written."], run.Lines);
        Assert.Contains(lines, l => l.Contains("https://attribution.example/incidents/", StringComparison.Ordinal));
    }
}
