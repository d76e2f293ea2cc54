using AttributionTracker.Data;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Users;

internal sealed class UsersUnlockCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<UserSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
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

        await accounts.UnlockAsync(account, cancellationToken);
        console.MarkupLineInterpolated($"{account.Email} is unlocked and can sign in.");
        return 0;
    }
}
