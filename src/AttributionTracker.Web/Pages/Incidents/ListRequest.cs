using AttributionTracker.Data;
using AttributionTracker.Queries;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>
/// The incident list's query values read once, for the page, its CSV and the JSON API alike: the filter, the sort,
/// and every value that could not be used (with the message the reader sees).
/// </summary>
public sealed record ListRequest(StatementFilter Filter, ListSort Sort, IReadOnlyList<StatementFilterError> Errors)
{
    public static async Task<ListRequest> ReadAsync(
        AttributionDbContext db, Func<string, string?> value, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var parsed = StatementFilterQuery.Parse(value, asOf);
        var errors = parsed.Errors.Concat(await parsed.Filter.FindUnknownAsync(db, cancellationToken)).ToList();
        var sort = ListSort.Default;
        if (value(ListSort.QueryName) is { Length: > 0 } raw)
        {
            if (ListSort.Parse(raw) is { } s)
            {
                sort = s;
            }
            else
            {
                errors.Add(new StatementFilterError(ListSort.QueryName, $"“{raw}” is not a way to sort: use date, latest, name, statements or confidence, with -asc or -desc."));
            }
        }

        return new ListRequest(parsed.Filter, sort, errors);
    }
}
