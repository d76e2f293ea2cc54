using AttributionTracker.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AttributionTracker.Web.Pages.Pickers;

/// <summary>
/// Suggestions for the statement form's pickers as JSON (<c>/pickers/parties?q=austr</c>). Read-only and about public
/// records, so open to anyone; the form works without it (the server resolves typed names on submit).
/// </summary>
public sealed class IndexModel(AttributionDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string kind, string? q, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<PickerKind>(kind, ignoreCase: true, out var picker) || (q?.Length ?? 0) > 200)
        {
            return BadRequest();
        }

        var options = await PickerQueries.SuggestAsync(db, picker, q, cancellationToken);
        return new JsonResult(options.Select(o => new { id = o.Id, name = o.Name, detail = o.Detail }));
    }
}
