using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages.Account;

/// <summary>Signing out is a POST (with the antiforgery token), so a link on another site cannot sign anyone out.</summary>
[Authorize]
public sealed class LogoutModel(SignInManager<Domain.Account> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
