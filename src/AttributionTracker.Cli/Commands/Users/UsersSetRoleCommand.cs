using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
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

        await using var store = await AccountStore.OpenAsync(stores, settings, cancellationToken);
        var accounts = store.Accounts;
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
