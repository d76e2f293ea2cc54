using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Users;

internal sealed class UsersSetRoleCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<UserRoleSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserRoleSettings settings, CancellationToken cancellationToken)
    {
        if (!UserCommands.RequireEmail(console, settings.Email))
        {
            return 1;
        }

        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<AttributionDbContext>().ChangedBy = UserCommands.ChangedBy;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        if (await accounts.FindByEmailAsync(settings.Email!) is not { } account)
        {
            UserCommands.NoSuchAccount(console, settings.Email!);
            return 1;
        }

        if (await accounts.SetRoleAsync(account, settings.Role ?? "", cancellationToken) is { Count: > 0 } problems)
        {
            UserCommands.Report(console, problems);
            return 1;
        }

        console.MarkupLineInterpolated($"{account.Email} is now {Roles.Parse(settings.Role)!.ToLowerInvariant()}.");
        return 0;
    }
}
