using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Interop.Stix;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Stix;

internal sealed class StixImportCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<StixImportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A STIX 2.1 bundle (JSON): this application's export, or OpenCTI's.")]
        public required string File { get; init; }

        [CommandOption("--by <NAME>")]
        [Description("Who the history names for the changes (default: stix-import).")]
        public string? By { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            console.MarkupLineInterpolated($"[red]error:[/] {settings.File}: no such file");
            return 2;
        }

        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        try
        {
            await using var stream = File.OpenRead(settings.File);
            using var bundle = StixBundleReader.Read(stream);
            var result = await new StixImporter(db).ImportAsync(bundle, settings.By, cancellationToken);
            console.MarkupLineInterpolated($"{settings.File}: {result}.");
            return 0;
        }
        catch (StixImportException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {settings.File}: not an importable STIX 2.1 bundle; nothing was imported. {e.Problems.Count} problem(s):");
            foreach (var problem in e.Problems)
            {
                console.MarkupLineInterpolated($"  {problem}");
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
