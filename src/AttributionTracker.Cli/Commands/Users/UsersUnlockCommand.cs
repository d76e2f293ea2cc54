using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data.Accounts;
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

        await using var store = await AccountStore.OpenAsync(stores, settings, cancellationToken);
        var accounts = store.Accounts;
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
