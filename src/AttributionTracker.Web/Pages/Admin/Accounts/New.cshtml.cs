using System.ComponentModel.DataAnnotations;
using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages.Admin.Accounts;

/// <summary>An admin adds an editor or admin with an initial password (typed twice), to hand over in person.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class NewModel(AccountAdministration accounts, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problems = await accounts.AddAsync(new NewAccount(Input.Email, Input.DisplayName, Input.Role, Input.Password), cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : $"{nameof(Input)}.{problem.Field}", problem.Message);
            }

            return Page();
        }

        logger.LogInformation("{Admin} added the {Role} account {Account}", User.Identity?.Name, Input.Role, Input.Email.Trim());
        TempData[nameof(IndexModel.Done)] = $"Added {Input.Role.ToLowerInvariant()} {Input.Email.Trim()}. Hand the password over in person; they can change it on their account page.";
        return RedirectToPage("Index");
    }

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Enter the e-mail address.")]
        [EmailAddress(ErrorMessage = "That is not an e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [StringLength(AccountAdministration.DisplayNameMaxLength, ErrorMessage = "The display name can be at most {1} characters long.")]
        [Display(Name = "Display name (optional)")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = Roles.Editor;

        [Required(ErrorMessage = "Enter the initial password.")]
        [StringLength(1024, MinimumLength = AccountOptions.MinimumPasswordLength, ErrorMessage = "The password must be at least {2} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Initial password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [DataType(DataType.Password)]
        [Display(Name = "The password again")]
        public string ConfirmPassword { get; set; } = "";
    }
}
