using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Accounts;

/// <summary>
/// The first admin from configuration (<c>Accounts:FirstAdmin:Email</c> and <c>:Password</c>, e.g. the environment
/// variables <c>Accounts__FirstAdmin__Email</c> and <c>Accounts__FirstAdmin__Password</c>), for a deployment where
/// nobody runs the command line. Only while there is no admin; never a default: nothing is set in appsettings.json.
/// </summary>
public static class FirstAdmin
{
    public const string Section = "Accounts:FirstAdmin";

    /// <summary>Creates the admin if configured and none exists; a configuration that cannot be used stops the start.</summary>
    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        var section = configuration.GetSection(Section);
        var email = section["Email"];
        var password = section["Password"];
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrEmpty(password))
        {
            return;
        }

        var account = new NewAccount(email ?? "", section["DisplayName"], Roles.Admin, password ?? "");

        // Checked even when an admin exists: a password too weak to use should not sit in the configuration unnoticed.
        if (AccountAdministration.Check(account) is { Count: > 0 } problems)
        {
            throw Refused(problems);
        }

        var accounts = services.GetRequiredService<AccountAdministration>();
        if ((await accounts.AdminsAsync()).Count > 0)
        {
            logger.LogInformation("{Section} is set but an admin exists already; no account was created", Section);
            return;
        }

        if (await accounts.AddAsync(account, cancellationToken) is { Count: > 0 } failed)
        {
            throw Refused(failed);
        }

        logger.LogWarning("Created the first admin {Account} from {Section}; remove the password from the configuration now", account.Email.Trim(), Section);
    }

    private static InvalidOperationException Refused(IEnumerable<AccountProblem> problems) =>
        new($"The first admin in {Section} cannot be created: "
            + string.Join(" ", problems.Select(p => p.Field.Length == 0 ? p.Message : $"{Section}:{p.Field}: {p.Message}")));
}
