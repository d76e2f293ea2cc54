using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Users;

/// <summary>
/// Sets an account's password, read from standard input like <c>users add</c>: how accounts restored from a dump (which
/// carries no password) get one, and how an admin who forgot theirs gets back in.
/// </summary>
internal sealed class UsersSetPasswordCommand(StoreFactory stores, IAnsiConsole console, StandardInput input) : AsyncCommand<UserSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        if (!UserCommands.RequireEmail(console, settings.Email))
        {
            return 1;
        }

        var password = await ReadPasswordAsync(cancellationToken);
        if (password is null)
        {
            return 1;
        }

        if (AccountOptions.PasswordProblem(password) is { } problem)
        {
            UserCommands.Report(console, [new AccountProblem(AccountFields.Password, problem)]);
            return 1;
        }

        await using var store = await AccountStore.OpenAsync(stores, settings, cancellationToken);
        if (await store.Accounts.FindByEmailAsync(settings.Email!) is not { } account)
        {
            UserCommands.NoSuchAccount(console, settings.Email!);
            return 1;
        }

        var users = store.Services.GetRequiredService<UserManager<Account>>();
        var db = store.Services.GetRequiredService<AttributionDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.HasPasswordAsync(account) ? await users.RemovePasswordAsync(account) : IdentityResult.Success;
        if (result.Succeeded)
        {
            result = await users.AddPasswordAsync(account, password);
        }

        if (!result.Succeeded)
        {
            UserCommands.Report(console, result.Errors.Select(e => new AccountProblem(AccountFields.Password, e.Description)));
            return 1;
        }

        await transaction.CommitAsync(cancellationToken);
        console.MarkupLineInterpolated($"{account.Email} has a new password; sessions signed in with the old one are ended.");
        return 0;
    }

    private async Task<string?> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        if (!input.IsTerminal)
        {
            return await input.Reader.ReadLineAsync(cancellationToken) ?? "";
        }

        var password = await console.PromptAsync(new TextPrompt<string>("New password:").Secret().AllowEmpty(), cancellationToken);
        var again = await console.PromptAsync(new TextPrompt<string>("New password again:").Secret().AllowEmpty(), cancellationToken);
        if (password != again)
        {
            console.MarkupLine("[red]error:[/] the two passwords differ; nothing was written.");
            return null;
        }

        return password;
    }
}
