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

internal sealed class GalaxyImportCommand(FileImport files) : AsyncCommand<GalaxyImportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A MISP galaxy cluster file (JSON), e.g. threat-actor.json.")]
        public required string File { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        return await files.RunAsync(settings, settings.File, async (services, path, ct) =>
        {
            var db = services.GetRequiredService<AttributionDbContext>();
            var before = await db.Actors.CountAsync(ct);
            var changed = await services.GetRequiredService<ReferenceDataLoader>()
                .LoadIfChangedAsync(path, (s, n, t) => new GalaxyLoader(db).LoadAsync(s, n, t), force: true, ct);
            var after = await db.Actors.CountAsync(ct);
            return $"{(changed ? "loaded" : "unchanged")}; {after - before} new actors, {after} in all.";
        }, cancellationToken);
    }
}
