using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages;

/// <summary>Friendly pages for error status codes (404 for an unknown slug, 400, 403...).</summary>
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
}
