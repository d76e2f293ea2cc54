using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Markdown;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>
/// The live preview's server half: Markdown in, the same sanitised HTML readers will get out. It renders on the
/// server so the preview can never differ from the page, and it is an editor-only, antiforgery-checked POST like
/// any other write handler even though it writes nothing.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class PreviewModel(MarkdownRenderer markdown) : PageModel
{
    public HtmlString Html { get; private set; } = HtmlString.Empty;

    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost([FromForm(Name = "markdown")] string? text)
    {
        Html = markdown.Render(text);
        return Page();
    }
}
