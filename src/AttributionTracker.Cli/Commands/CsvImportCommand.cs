using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Interop.Csv;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands;

/// <summary><c>csv import statements FILE</c>: every row checked first; all written in one transaction, or none.</summary>
internal sealed class CsvImportCommand(FileImport files, IAnsiConsole console) : AsyncCommand<CsvImportCommand.Settings>
{
    /// <summary>Who the history names for statements a CSV import made or changed.</summary>
    public const string ChangedBy = "csv import";

    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<WHAT>")]
        [Description("statements (the format of csv export statements).")]
        public required string What { get; init; }

        [CommandArgument(1, "<FILE>")]
        [Description("The CSV file.")]
        public required string File { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.What != CsvExportCommand.Statements)
        {
            console.MarkupLineInterpolated($"[red]error:[/] “{settings.What}” cannot be imported: only {CsvExportCommand.Statements}.");
            return 2;
        }

        return await files.RunAsync(settings, settings.File, async (services, path, ct) =>
        {
            var db = services.GetRequiredService<AttributionDbContext>();
            db.ChangedBy = ChangedBy;
            await using var stream = File.OpenRead(path);
            var result = await new StatementCsvImport(db).ImportAsync(stream, settings.File, ct);
            return $"{result.Created} statements created, {result.Updated} updated, {result.Unchanged} unchanged.";
        }, cancellationToken);
    }
}
