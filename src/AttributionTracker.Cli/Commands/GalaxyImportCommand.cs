using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Interop.Misp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands;

internal sealed class GalaxyImportCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<GalaxyImportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A MISP galaxy cluster file (JSON), e.g. threat-actor.json.")]
        public required string File { get; init; }
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
        var before = await db.Actors.CountAsync(cancellationToken);
        try
        {
            var loader = scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>();
            var changed = await loader.LoadIfChangedAsync(Path.GetFullPath(settings.File), (s, n, ct) => new GalaxyLoader(db).LoadAsync(s, n, ct), force: true, cancellationToken);
            var after = await db.Actors.CountAsync(cancellationToken);
            console.MarkupLineInterpolated($"{settings.File}: {(changed ? "loaded" : "unchanged")}; {after - before} new actors, {after} in all.");
            return 0;
        }
        catch (Exception e) when (e is GalaxyFormatException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}
