using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Testing;

namespace AttributionTracker.Cli.Tests.Commands.Users;

public sealed class UsersCommandTests
{
    private const string Password = "a long enough password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_store_has_the_editor_and_admin_roles()
    {
        using var temp = new TempFolder();

        Assert.Equal(0, (await Cli.RunAsync("init", "--data-folder", temp.Path("data"))).ExitCode);

        await using var db = StoreCounts.Open(temp.Path("data"));
        Assert.Equal(["Admin", "Editor"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync(Ct));
    }

    [Fact]
    public async Task Adding_an_admin_reads_the_password_from_standard_input_and_never_prints_or_records_it()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();

        var run = await RunAsync(Password + "\n", "users", "add", "--email", "ana@example.org", "--role", "admin", "--name", "Ana Ruiz", "--data-folder", data);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Added admin ana@example.org (Ana Ruiz)."], run.Lines);
        await using var db = StoreCounts.Open(data);
        var account = await db.Users.SingleAsync(Ct);
        Assert.Equal(("ana@example.org", "ana@example.org", "Ana Ruiz"), (account.UserName, account.Email, account.DisplayName));
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<Account>().VerifyHashedPassword(account, account.PasswordHash!, Password));
        Assert.Equal(["Admin"], await RolesOfAsync(db, account.Id));
        var history = await db.RecordChanges.Where(c => c.RecordType == nameof(Account)).ToListAsync(Ct);
        Assert.NotEmpty(history);
        Assert.All(history, c => Assert.Equal("command line", c.By));
        Assert.DoesNotContain(history, c => (c.After ?? "").Contains(account.PasswordHash!, StringComparison.Ordinal) || (c.After ?? "").Contains(Password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("short pass\n", "ana@example.org", "admin", "error: password: The password must be at least 12 characters long (it has 10).")]
    [InlineData("", "ana@example.org", "admin", "error: password: The password is empty.")]
    [InlineData("\n", "ana@example.org", "editor", "error: password: The password is empty.")]
    [InlineData(Password, "ana@example.org", "boss", "error: --role: \"boss\" is not a role: choose editor or admin.")]
    [InlineData(Password, "ana@example.org", "", "error: --role: Choose a role: editor or admin.")]
    [InlineData(Password, "not an address", "editor", "error: --email: \"not an address\" is not an e-mail address.")]
    [InlineData(Password, "", "editor", "error: --email: Enter the e-mail address.")]
    public async Task Bad_input_is_refused_with_a_clear_message_and_nothing_is_written(string stdin, string email, string role, string error)
    {
        using var temp = new TempFolder();
        var data = temp.Path("data");

        var run = await RunAsync(stdin, "users", "add", "--email", email, "--role", role, "--data-folder", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([error], run.Errors);
        Assert.Contains("Nothing was written.", run.Lines);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_refused_and_the_first_account_is_unchanged()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        Assert.Equal(0, (await RunAsync(Password, "users", "add", "--email", "ana@example.org", "--role", "editor", "--data-folder", data)).ExitCode);

        var run = await RunAsync("another long password", "users", "add", "--email", "ANA@example.org", "--role", "admin", "--data-folder", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["error: --email: An account with this e-mail address already exists."], run.Errors);
        await using var db = StoreCounts.Open(data);
        var account = await db.Users.SingleAsync(Ct);
        Assert.Equal(["Editor"], await RolesOfAsync(db, account.Id));
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<Account>().VerifyHashedPassword(account, account.PasswordHash!, Password));
    }

    [Fact]
    public async Task A_password_given_as_an_argument_is_not_accepted()
    {
        using var temp = new TempFolder();
        var data = temp.Path("data");

        var run = await RunAsync(Password, "users", "add", "--email", "ana@example.org", "--role", "admin", "--password", Password, "--data-folder", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["error: the password is read from standard input, never from an argument; nothing was written."], run.Errors);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task The_list_shows_each_account_with_its_role_and_whether_it_is_locked()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        await AddAsync(data, "ana@example.org", "admin");
        await AddAsync(data, "bo@example.org", "editor");
        await using (var db = StoreCounts.Open(data))
        {
            var locked = await db.Users.SingleAsync(u => u.Email == "bo@example.org", Ct);
            locked.LockoutEnd = DateTimeOffset.MaxValue;
            await db.SaveChangesAsync(Ct);
        }

        var run = await Cli.RunAsync("users", "list", "--data-folder", data);

        Assert.Equal(0, run.ExitCode);
        var ana = Assert.Single(run.Lines, l => l.Contains("ana@example.org", StringComparison.Ordinal));
        Assert.Contains("│ admin", ana, StringComparison.Ordinal);
        Assert.Contains("│ no", ana, StringComparison.Ordinal);
        var bo = Assert.Single(run.Lines, l => l.Contains("bo@example.org", StringComparison.Ordinal));
        Assert.Contains("│ editor", bo, StringComparison.Ordinal);
        Assert.Contains("│ yes", bo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_role_replaces_the_role_but_never_takes_it_from_the_only_admin()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        await AddAsync(data, "ana@example.org", "admin");
        await AddAsync(data, "bo@example.org", "editor");

        var lastAdmin = await Cli.RunAsync("users", "set-role", "--email", "ana@example.org", "--role", "editor", "--data-folder", data);
        Assert.Equal(1, lastAdmin.ExitCode);
        Assert.Contains("only admin", Assert.Single(lastAdmin.Errors), StringComparison.Ordinal);

        var promoted = await Cli.RunAsync("users", "set-role", "--email", "bo@example.org", "--role", "Admin", "--data-folder", data);
        Assert.Equal(0, promoted.ExitCode);
        var demoted = await Cli.RunAsync("users", "set-role", "--email", "ana@example.org", "--role", "editor", "--data-folder", data);
        Assert.Equal(0, demoted.ExitCode);

        await using var db = StoreCounts.Open(data);
        Assert.Equal(["Editor"], await RolesOfAsync(db, (await db.Users.SingleAsync(u => u.Email == "ana@example.org", Ct)).Id));
        Assert.Equal(["Admin"], await RolesOfAsync(db, (await db.Users.SingleAsync(u => u.Email == "bo@example.org", Ct)).Id));
    }

    [Fact]
    public async Task Set_role_and_unlock_name_an_unknown_address()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        await AddAsync(data, "ana@example.org", "admin");

        var setRole = await Cli.RunAsync("users", "set-role", "--email", "nobody@example.org", "--role", "editor", "--data-folder", data);
        var unlock = await Cli.RunAsync("users", "unlock", "--email", "nobody@example.org", "--data-folder", data);

        Assert.Equal(["error: --email: no account has the e-mail address nobody@example.org."], setRole.Errors);
        Assert.Equal(["error: --email: no account has the e-mail address nobody@example.org."], unlock.Errors);
    }

    [Fact]
    public async Task Unlock_ends_a_lockout_and_forgets_the_failed_sign_ins()
    {
        using var temp = new TempFolder();
        var data = temp.SeededStore();
        await AddAsync(data, "ana@example.org", "admin");
        await using (var db = StoreCounts.Open(data))
        {
            var ana = await db.Users.SingleAsync(Ct);
            ana.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15);
            ana.AccessFailedCount = 5;
            await db.SaveChangesAsync(Ct);
        }

        var run = await Cli.RunAsync("users", "unlock", "--email", "ana@example.org", "--data-folder", data);

        Assert.Equal(0, run.ExitCode);
        await using var after = StoreCounts.Open(data);
        var account = await after.Users.SingleAsync(Ct);
        Assert.Null(account.LockoutEnd);
        Assert.Equal(0, account.AccessFailedCount);
    }

    private static async Task AddAsync(string data, string email, string role) =>
        Assert.Equal(0, (await RunAsync(Password, "users", "add", "--email", email, "--role", role, "--data-folder", data)).ExitCode);

    private static async Task<CliRun> RunAsync(string stdin, params string[] args)
    {
        var console = new TestConsole().Width(2000);
        var exitCode = await CliApp.RunAsync(Cli.OnEngineUnderTest(args), console, new StandardInput(new StringReader(stdin), IsTerminal: false));
        return new CliRun(exitCode, console.Output);
    }

    private static Task<List<string>> RolesOfAsync(Data.AttributionDbContext db, string accountId) =>
        db.UserRoles.Where(ur => ur.UserId == accountId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Ct);
}
