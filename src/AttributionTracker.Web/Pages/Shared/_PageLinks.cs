using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace AttributionTracker.Web.Pages;

/// <summary>
/// One page of a list that can grow, for pages that hold several such lists: each list reads its page number from
/// its own query value, so paging one keeps the others (and every filter) where they were.
/// </summary>
public sealed record PageWindow(int Number, int Size, int Total)
{
    public int Last => Math.Max(1, (Total + Size - 1) / Size);

    public int Skip => (Number - 1) * Size;

    /// <summary>The requested page clamped to the rows there are, so a stale or hand-typed number still shows a page.</summary>
    public static PageWindow Of(int requested, int size, int total)
    {
        var last = Math.Max(1, (total + size - 1) / size);
        return new PageWindow(Math.Clamp(requested, 1, last), size, total);
    }

    public PageLinks Links(string queryName, string label, string? fragment = null) => new(queryName, Number, Last, label, fragment);
}

/// <summary>What <c>_PageLinks.cshtml</c> needs: the query value carrying the page, the current and last page, and where to land.</summary>
public sealed record PageLinks(string QueryName, int Number, int Last, string Label, string? Fragment = null)
{
    /// <summary>The current address with page <paramref name="number"/> of this list; every other query value is kept.</summary>
    public string Href(HttpRequest request, int number)
    {
        ArgumentNullException.ThrowIfNull(request);
        var others = request.Query
            .Where(q => !string.Equals(q.Key, QueryName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));
        var query = new QueryBuilder(others);
        if (number > 1)
        {
            query.Add(QueryName, number.ToString(CultureInfo.InvariantCulture));
        }

        return request.PathBase + request.Path + query + (Fragment is null ? "" : "#" + Fragment);
    }
}
