using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Users;

internal sealed class UsersListCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<StoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await AccountStore.OpenAsync(stores, settings, cancellationToken);
        var accounts = await store.Accounts.ListAsync(cancellationToken);
        if (accounts.Count == 0)
        {
            console.MarkupLine("No accounts yet. Add the first admin with: attribution users add --email <EMAIL> --role admin");
            return 0;
        }

        var now = DateTimeOffset.UtcNow;
        var table = new Table().AddColumns("E-mail", "Name", "Roles", "Locked");
        foreach (var account in accounts)
        {
            table.AddRow(
                Markup.Escape(account.Email),
                Markup.Escape(account.DisplayName ?? ""),
                account.Roles.Count == 0 ? "(none)" : string.Join(", ", account.Roles).ToLowerInvariant(),
                account.IsLockedAt(now) ? Locked(account.LockoutEnd!.Value) : "no");
        }

        console.Write(table);
        return 0;
    }

    private static string Locked(DateTimeOffset until) =>
        until == DateTimeOffset.MaxValue ? "yes (by an admin)" : $"yes, until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
}
