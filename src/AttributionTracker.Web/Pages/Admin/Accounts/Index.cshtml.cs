using AttributionTracker.Data.Accounts;
using AttributionTracker.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages.Admin.Accounts;

/// <summary>Every account with its role and lock state; an admin changes the role, locks or unlocks from here.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed partial class IndexModel(AccountAdministration accounts, UserManager<Domain.Account> users) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public string? CurrentId { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostSetRoleAsync(string id, string role, CancellationToken cancellationToken) =>
        ChangeAsync(id, "change the role of", cancellationToken, async account =>
            (await accounts.SetRoleAsync(account, role, cancellationToken), $"{account.Email} is now {role.ToLowerInvariant()}."));

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "lock", cancellationToken, async account =>
            (await accounts.LockAsync(account, cancellationToken), $"{account.Email} is locked and signed out."));

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "unlock", cancellationToken, async account =>
        {
            await accounts.UnlockAsync(account, cancellationToken);
            return ([], $"{account.Email} is unlocked.");
        });

    private async Task<IActionResult> ChangeAsync(string id, string what, CancellationToken cancellationToken, Func<Domain.Account, Task<(IReadOnlyList<AccountProblem> Problems, string Done)>> change)
    {
        if (await accounts.FindByIdAsync(id) is not { } account)
        {
            return NotFound();
        }

        // An admin who locks or demotes themselves by mistake may leave nobody to undo it.
        if (account.Id == users.GetUserId(User))
        {
            ModelState.AddModelError(string.Empty, $"You cannot {what} your own account here; ask another admin.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (problems, done) = await change(account);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(string.Empty, problem.Message);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        Done = done;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await accounts.ListAsync(cancellationToken);
        CurrentId = users.GetUserId(User);
    }
}
