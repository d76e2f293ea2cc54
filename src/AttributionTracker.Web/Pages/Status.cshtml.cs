using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages;

/// <summary>Friendly pages for error status codes (404 for an unknown slug, 400, 403...).</summary>
/// <remarks>A refused post (400, 403, 413) is re-executed here as a post: answered too, without reading its body.</remarks>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
