using System.ComponentModel.DataAnnotations;
using AttributionTracker.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages.Account;

/// <summary>
/// One's own account, whatever the role: who one is signed in as, changing the password, and (editors and admins)
/// the personal access tokens that let scripts write through the JSON API.
/// </summary>
[Authorize]
public sealed partial class IndexModel(UserManager<Domain.Account> users, SignInManager<Domain.Account> signIn, AccessTokens tokens, ILogger<IndexModel> logger) : PageModel
{
    public Domain.Account Account { get; private set; } = null!;

    public IList<string> Roles { get; private set; } = [];

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(Account, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var (field, message) = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? (nameof(PasswordInput.CurrentPassword), "That is not your current password.")
                    : (nameof(PasswordInput.NewPassword), error.Description);
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            return Page();
        }

        // The password change renews the security stamp; this session gets the new one, other sessions end.
        await signIn.RefreshSignInAsync(Account);
        logger.LogInformation("{Account} changed their password", Account.Email);
        Done = "Your password is changed. Sessions on other devices are signed out.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return false;
        }

        Account = account;
        Roles = await users.GetRolesAsync(account);
        if (CanUseTokens)
        {
            Tokens = await tokens.ListAsync(account.Id, HttpContext.RequestAborted);
        }

        return true;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password.")]
        [StringLength(1024, MinimumLength = AccountOptions.MinimumPasswordLength, ErrorMessage = "The new password must be at least {2} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Type the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
        [DataType(DataType.Password)]
        [Display(Name = "The new password again")]
        public string ConfirmNewPassword { get; set; } = "";
    }
}
