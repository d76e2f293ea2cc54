using AttributionTracker.Data.Accounts;
using AttributionTracker.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages.Admin.Accounts;

/// <summary>Deleting an account, after a confirmation; history records the deletion and the admin who made it.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DeleteModel(AccountAdministration accounts, UserManager<Domain.Account> users, ILogger<DeleteModel> logger) : PageModel
{
    public Domain.Account Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await accounts.FindByIdAsync(id) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await accounts.FindByIdAsync(id) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        if (account.Id == users.GetUserId(User))
        {
            ModelState.AddModelError(string.Empty, "You cannot delete your own account; ask another admin.");
            return Page();
        }

        if (await accounts.DeleteAsync(account, cancellationToken) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(string.Empty, problem.Message);
            }

            return Page();
        }

        logger.LogInformation("{Admin} deleted the account {Account}", User.Identity?.Name, account.Email);
        TempData[nameof(IndexModel.Done)] = $"Deleted {account.Email}. The records they changed keep their history.";
        return RedirectToPage("Index");
    }
}
