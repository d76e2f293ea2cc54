using System.ComponentModel.DataAnnotations;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages.Account;

public sealed class LoginModel(SignInManager<Domain.Account> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "That is not an e-mail address.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Account} signed in", Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        // The same words for an unknown address and a wrong password, so the form does not reveal who has an account.
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "This account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an admin."
            : "The e-mail address or password is not right.");
        logger.LogWarning("Failed sign-in for {Account} (locked out: {LockedOut})", Email, result.IsLockedOut);
        return Page();
    }
}
