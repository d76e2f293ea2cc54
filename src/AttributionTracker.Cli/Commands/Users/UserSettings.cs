using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Users;

/// <summary>Options of the commands about one account, found by its e-mail address.</summary>
public class UserSettings : StoreSettings
{
    [CommandOption("--email <EMAIL>")]
    [Description("The account's e-mail address (its user name).")]
    public string? Email { get; init; }
}

public class UserRoleSettings : UserSettings
{
    [CommandOption("--role <ROLE>")]
    [Description("editor (changes records) or admin (also manages accounts).")]
    public string? Role { get; init; }
}
