using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands;

internal sealed class InitCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<StoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        console.MarkupLineInterpolated($"Store ready at [bold]{db.Database.GetDbConnection().DataSource}[/]: {await db.States.CountAsync(cancellationToken)} states, {await db.Actors.CountAsync(cancellationToken)} actors, {await db.Parties.CountAsync(cancellationToken)} parties, {await db.Statements.CountAsync(cancellationToken)} statements.");
        return 0;
    }
}
