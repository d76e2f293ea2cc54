using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Interop.Csv;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands;

/// <summary><c>csv import statements FILE</c>: every row checked first; all written in one transaction, or none.</summary>
internal sealed class CsvImportCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<CsvImportCommand.Settings>
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

        if (!File.Exists(settings.File))
        {
            console.MarkupLineInterpolated($"[red]error:[/] {settings.File}: no such file");
            return 2;
        }

        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        db.ChangedBy = ChangedBy;
        try
        {
            await using var stream = File.OpenRead(settings.File);
            var result = await new StatementCsvImport(db).ImportAsync(stream, settings.File, cancellationToken);
            console.MarkupLineInterpolated($"{settings.File}: {result.Created} statements created, {result.Updated} updated, {result.Unchanged} unchanged.");
            return 0;
        }
        catch (CsvImportException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {settings.File}: nothing imported, {e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}:");
            foreach (var problem in e.Problems)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {problem}");
            }

            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {settings.File}: {e.Message}");
            return 1;
        }
    }
}
