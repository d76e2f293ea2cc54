using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Interop.Csv;
using AttributionTracker.Queries;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands;

/// <summary><c>csv export incidents|statements</c>: the web app's CSV downloads, with the incident list's filters as options.</summary>
internal sealed class CsvExportCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<CsvExportCommand.Settings>
{
    public const string Incidents = "incidents";
    public const string Statements = "statements";

    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<WHAT>")]
        [Description("incidents (one row per incident, the CFR tracker's columns first) or statements (one row per statement, the format csv import reads).")]
        public required string What { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the CSV file (default: standard output).")]
        public string? Output { get; init; }

        [CommandOption("--accused <CODE>")]
        [Description("Statements that accuse this state (ISO code, e.g. CN).")]
        public string? Accused { get; init; }

        [CommandOption("--actor <NAME>")]
        [Description("Statements that accuse this actor (any name or alias).")]
        public string? Actor { get; init; }

        [CommandOption("--accuser <CODE>")]
        [Description("Statements by a party of this state (ISO code).")]
        public string? Accuser { get; init; }

        [CommandOption("--by <PARTY>")]
        [Description("Statements by this party (its slug).")]
        public string? By { get; init; }

        [CommandOption("--year <YEAR>")]
        [Description("Statements made in this year.")]
        public string? Year { get; init; }

        [CommandOption("--conf <TERM>")]
        [Description("Confidence: a yardstick term (highly-likely) or its rank 1–7.")]
        public string? Conf { get; init; }

        [CommandOption("--confmode <MODE>")]
        [Description("atleast (default) or exactly.")]
        public string? ConfMode { get; init; }

        [CommandOption("--kind <KIND>")]
        [Description("attribution, denial, retraction, corroboration or response.")]
        public string? Kind { get; init; }

        [CommandOption("-q|--text <TEXT>")]
        [Description("Words in the incident's names or the quote.")]
        public string? Text { get; init; }

        [CommandOption("--asof <DAY>")]
        [Description("Only what was public on this day (YYYY-MM-DD).")]
        public string? AsOf { get; init; }

        [CommandOption("--base-url <URL>")]
        [Description("Where the web app is, for the incidents' URL column (default: addresses start with /).")]
        public string? BaseUrl { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.What is not (Incidents or Statements))
        {
            console.MarkupLineInterpolated($"[red]error:[/] “{settings.What}” is not something to export: use {Incidents} or {Statements}.");
            return 2;
        }

        var problems = new List<string>();
        DateOnly? asOf = null;
        if (settings.AsOf is { Length: > 0 } raw)
        {
            if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                asOf = day;
            }
            else
            {
                problems.Add($"--asof: “{raw}” is not a date: write it as YYYY-MM-DD.");
            }
        }

        var options = new Dictionary<string, string?>
        {
            [StatementFilterQuery.AccusedState] = settings.Accused,
            [StatementFilterQuery.Actor] = settings.Actor,
            [StatementFilterQuery.AccusingState] = settings.Accuser,
            [StatementFilterQuery.AccusingParty] = settings.By,
            [StatementFilterQuery.Year] = settings.Year,
            [StatementFilterQuery.Confidence] = settings.Conf,
            [StatementFilterQuery.ConfidenceMode] = settings.ConfMode,
            [StatementFilterQuery.Kind] = settings.Kind,
            [StatementFilterQuery.Text] = settings.Text,
        };
        var parsed = StatementFilterQuery.Parse(name => options.GetValueOrDefault(name), asOf);

        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        problems.AddRange(parsed.Errors.Concat(await parsed.Filter.FindUnknownAsync(db, cancellationToken)).Select(e => $"--{OptionName(e.Name)}: {e.Message}"));
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {problem}");
            }

            return 2;
        }

        var count = 0;
        var baseUrl = (settings.BaseUrl ?? "").TrimEnd('/');
        return await OutputFile.WriteAsync(console, settings.Output, async stream => count = settings.What == Incidents
                ? await IncidentCsvExport.WriteAsync(db, parsed.Filter, null, slug => $"{baseUrl}/incidents/{slug.Value}", stream, cancellationToken)
                : await StatementCsvExport.WriteAsync(db, parsed.Filter, stream, cancellationToken),
            () => $"{count} {settings.What}", cancellationToken);
    }

    private static string OptionName(string queryName) => queryName switch
    {
        StatementFilterQuery.Text => "text",
        _ => queryName,
    };
}
