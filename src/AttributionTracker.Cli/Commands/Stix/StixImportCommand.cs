using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Interop.Stix;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Stix;

internal sealed class StixImportCommand(FileImport files) : AsyncCommand<StixImportCommand.Settings>
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
        return await files.RunAsync(settings, settings.File, async (services, path, ct) =>
        {
            await using var stream = File.OpenRead(path);
            using var bundle = StixBundleReader.Read(stream);
            var result = await new StixImporter(services.GetRequiredService<AttributionDbContext>()).ImportAsync(bundle, settings.By, ct);
            return $"{result}.";
        }, cancellationToken);
    }
}
