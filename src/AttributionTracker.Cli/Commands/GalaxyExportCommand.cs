using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Interop.Misp;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands;

internal sealed class GalaxyExportCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<GalaxyExportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the galaxy file (default: standard output).")]
        public string? Output { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var galaxy = await GalaxyExport.BuildAsync(db, cancellationToken);
        return await OutputFile.WriteAsync(console, settings.Output, stream => GalaxyWriter.WriteAsync(stream, galaxy, cancellationToken), () => $"{galaxy.Values.Count} actors", cancellationToken);
    }
}
