using AttributionTracker.Data.Accounts;
using Spectre.Console;

namespace AttributionTracker.Cli.Commands.Users;

internal static class UserCommands
{
    /// <summary>Who history says made a change from the command line.</summary>
    public const string ChangedBy = "command line";

    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        [AccountFields.Email] = "--email",
        [AccountFields.DisplayName] = "--name",
        [AccountFields.Role] = "--role",
        [AccountFields.Password] = "password",
    };

    public static void Report(IAnsiConsole console, IEnumerable<AccountProblem> problems)
    {
        foreach (var problem in problems)
        {
            var option = Options.GetValueOrDefault(problem.Field);
            console.MarkupLineInterpolated($"[red]error:[/] {(option is null ? "" : option + ": ")}{problem.Message}");
        }

        console.MarkupLine("Nothing was written.");
    }

    public static bool RequireEmail(IAnsiConsole console, string? email)
    {
        if (!string.IsNullOrWhiteSpace(email))
        {
            return true;
        }

        console.MarkupLine("[red]error:[/] --email: give the account's e-mail address.");
        return false;
    }

    public static void NoSuchAccount(IAnsiConsole console, string email) =>
        console.MarkupLineInterpolated($"[red]error:[/] --email: no account has the e-mail address {email.Trim()}.");
}
