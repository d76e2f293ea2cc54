using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Users;

/// <summary>
/// Adds an account. The password comes from standard input (one line), so it never appears in an argument list;
/// at a terminal it is asked for twice without echo.
/// </summary>
internal sealed class UsersAddCommand(StoreFactory stores, IAnsiConsole console, StandardInput input) : AsyncCommand<UsersAddCommand.Settings>
{
    public sealed class Settings : UserRoleSettings
    {
        [CommandOption("--name <DISPLAY_NAME>")]
        [Description("The name history shows beside the account's changes (default: none; the e-mail address is shown).")]
        public string? Name { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Spectre passes unknown options through; a password typed as one would already be in the shell history.
        var unknown = context.Remaining.Parsed.Select(g => g.Key).Concat(context.Remaining.Raw).ToList();
        if (unknown.Count > 0)
        {
            if (unknown.Any(o => o.Contains("pass", StringComparison.OrdinalIgnoreCase)))
            {
                console.MarkupLine("[red]error:[/] the password is read from standard input, never from an argument; nothing was written.");
            }
            else
            {
                console.MarkupLineInterpolated($"[red]error:[/] unknown option {string.Join(", ", unknown)}; nothing was written.");
            }

            return 1;
        }

        var password = await ReadPasswordAsync(cancellationToken);
        if (password is null)
        {
            return 1;
        }

        var account = new NewAccount(settings.Email ?? "", settings.Name, settings.Role ?? "", password);

        // Refused before the store is opened, so bad input leaves no trace, not even a new store.
        var problems = AccountAdministration.Check(account);
        if (problems.Count == 0)
        {
            await using var store = await AccountStore.OpenAsync(stores, settings, cancellationToken);
            problems = await store.Accounts.AddAsync(account, cancellationToken);
        }

        if (problems.Count > 0)
        {
            UserCommands.Report(console, problems);
            return 1;
        }

        var role = Roles.Parse(account.Role)!.ToLowerInvariant();
        console.MarkupLineInterpolated($"Added {role} [bold]{account.Email.Trim()}[/]{(string.IsNullOrWhiteSpace(account.DisplayName) ? "" : $" ({account.DisplayName.Trim()})")}.");
        return 0;
    }

    private async Task<string?> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        if (!input.IsTerminal)
        {
            return await input.Reader.ReadLineAsync(cancellationToken) ?? "";
        }

        var password = await console.PromptAsync(new TextPrompt<string>("Password:").Secret().AllowEmpty(), cancellationToken);
        var again = await console.PromptAsync(new TextPrompt<string>("Password again:").Secret().AllowEmpty(), cancellationToken);
        if (password != again)
        {
            console.MarkupLine("[red]error:[/] the two passwords differ; nothing was written.");
            return null;
        }

        return password;
    }
}
