using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Interop.Csv;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>
/// The analyst's incident list: the incidents with statements matching a filter read from the URL, sorted and
/// paged, and the same rows as a CSV download (<c>?handler=csv</c>).
/// </summary>
public sealed class IndexModel(AttributionDbContext db) : PagedListModel
{
    public StatementFilter Filter { get; private set; } = StatementFilter.None;

    public ListSort Sort { get; private set; } = ListSort.Default;

    /// <summary>Values that could not be used, by query name; the page then lists nothing.</summary>
    public IReadOnlyList<StatementFilterError> Errors { get; private set; } = [];

    public IReadOnlyList<ListRow> Rows { get; private set; } = [];

    public ListChoices Choices { get; private set; } = ListChoices.Empty;

    /// <summary>The raw query value of a field, so the form shows what was asked even when it was wrong.</summary>
    public string Raw(string name) => Request.Query[name].ToString();

    public string? ErrorFor(string name) => Errors.FirstOrDefault(e => e.Name == name)?.Message;

    protected override IEnumerable<KeyValuePair<string, string>> ListQueryValues => FilterAndSortQuery();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await ReadRequestAsync(cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var page = await (await PageOfAsync(ListQuery.Summaries(db, Filter, Sort), cancellationToken)).ToListAsync(cancellationToken);
        Rows = await ListQuery.RowsAsync(db, Filter, page, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await ReadRequestAsync(cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var ids = await ListQuery.Summaries(db, Filter, Sort).Select(s => s.Id).ToListAsync(cancellationToken);
        var asOf = HttpContext.AsOf()?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var csv = new MemoryStream();
        await IncidentCsvExport.WriteAsync(db, Filter, ids, slug => Url.Page("/Incidents/Details", null, new { slug = slug.Value, asof = asOf }, Request.Scheme, Request.Host.Value)!, csv, cancellationToken);
        return File(csv.ToArray(), CsvFormat.ContentType, StatementCsvExport.FileName("incidents", Filter));
    }

    /// <summary>The filter and sort as query values (as-of included), for the pager, the CSV link and the summary's links.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FilterAndSortQuery(string? without = null)
    {
        // The comparison goes with the level it compares to.
        var dropped = without == StatementFilterQuery.Confidence ? [without, StatementFilterQuery.ConfidenceMode] : new[] { without };
        var query = Filter.ToQuery().Where(q => !dropped.Contains(q.Key)).ToList();
        if (Sort != ListSort.Default)
        {
            query.Add(new(ListSort.QueryName, Sort.ToString()));
        }

        return query;
    }

    /// <summary>The same list sorted another way, as route values for a column header's link.</summary>
    public Dictionary<string, string> SortedBy(ListSort sort)
    {
        var values = FilterAndSortQuery().Where(q => q.Key != ListSort.QueryName).ToDictionary();
        values[ListSort.QueryName] = sort.ToString();
        return values;
    }

    /// <summary>Reads filter and sort; false when a value could not be used (the form then says why).</summary>
    private async Task<bool> ReadRequestAsync(CancellationToken cancellationToken)
    {
        var request = await ListRequest.ReadAsync(db, name => Request.Query[name].FirstOrDefault(), HttpContext.AsOf(), cancellationToken);
        (Filter, Sort, Errors) = (request.Filter, request.Sort, request.Errors);
        Choices = await ListChoices.LoadAsync(db, cancellationToken);
        return Errors.Count == 0;
    }
}

/// <summary>What the filter form's selects offer: only states and parties that occur in statements.</summary>
public sealed record ListChoices(
    IReadOnlyList<(CountryCode Code, string Name)> AccusedStates,
    IReadOnlyList<(CountryCode Code, string Name)> AccusingStates,
    IReadOnlyList<(Slug Slug, string Name)> Parties)
{
    public static ListChoices Empty { get; } = new([], [], []);

    /// <summary>A state's English name, or its code when it does not occur.</summary>
    public string StateName(CountryCode code) =>
        AccusedStates.Concat(AccusingStates).FirstOrDefault(s => s.Code == code).Name ?? code.Value;

    public static async Task<ListChoices> LoadAsync(AttributionDbContext db, CancellationToken cancellationToken)
    {
        // From the party's side (a statement's party row always has its statement): an index lookup per party or
        // state, where asking each state "does any statement have a party of yours" walked every statement.
        var accused = await db.States.AsNoTracking()
            .Where(st => db.Statements.Any(s => s.AccusedStateCode == st.Code))
            .OrderBy(st => st.NameEn).Select(st => new { st.Code, st.NameEn })
            .ToListAsync(cancellationToken);
        var accusing = await db.States.AsNoTracking()
            .Where(st => db.Parties.Any(p => p.StateCode == st.Code && db.Set<StatementParty>().Any(sp => sp.PartyId == p.Id)))
            .OrderBy(st => st.NameEn).Select(st => new { st.Code, st.NameEn })
            .ToListAsync(cancellationToken);
        var parties = await db.Parties.AsNoTracking()
            .Where(p => db.Set<StatementParty>().Any(sp => sp.PartyId == p.Id))
            .OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name })
            .ToListAsync(cancellationToken);
        return new ListChoices(
            [.. accused.Select(s => (s.Code, s.NameEn))],
            [.. accusing.Select(s => (s.Code, s.NameEn))],
            [.. parties.Select(p => (p.Slug, p.Name))]);
    }
}
