using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages;

/// <summary>A list page of <see cref="PageSize"/> rows at a time; the page number travels in the query as <c>p</c>.</summary>
public abstract class PagedListModel : PageModel
{
    public const int PageSize = 100;

    // "page" is taken by Razor Pages' own route value, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public Pager Pager => new(PageContext.ActionDescriptor.ViewEnginePath, PageNumber, LastPage, [.. ListQueryValues]);

    /// <summary>The query values that choose the list (filters, sort), which the pager's links keep.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ListQueryValues => [];

    /// <summary>Counts the rows, clamps the requested page to them, and returns that page of the ordered query.</summary>
    protected async Task<IQueryable<T>> PageOfAsync<T>(IQueryable<T> ordered, CancellationToken cancellationToken)
    {
        Total = await ordered.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, LastPage);
        return ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize);
    }
}

/// <summary>What the pager partial needs: the page to link to, the current page, the last, and the list's query.</summary>
public sealed record Pager(string PageName, int Number, int Last, IReadOnlyList<KeyValuePair<string, string>>? Query = null)
{
    /// <summary>The route values of page <paramref name="number"/> of the same list.</summary>
    public Dictionary<string, string> RouteFor(int number)
    {
        var values = (Query ?? []).Where(q => q.Key != "p").ToDictionary();
        values["p"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
