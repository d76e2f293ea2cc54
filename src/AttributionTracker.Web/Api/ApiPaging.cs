using System.ComponentModel;
using System.Globalization;
using AttributionTracker.Queries;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api;

/// <summary>Which page of a list a client asks for. Read as text so a bad value gets this API's own message.</summary>
public sealed class PageParameters
{
    public const string PageName = "page";
    public const string SizeName = "pageSize";
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    [FromQuery(Name = PageName)]
    [Description("The page to return, from 1 (the default). A page past the last is empty.")]
    public string? Page { get; set; }

    [FromQuery(Name = SizeName)]
    [Description("Rows per page, from 1 to 200; 50 when not given.")]
    public string? PageSize { get; set; }

    /// <summary>The page asked for, or what is wrong with the request.</summary>
    public (PageRequest Request, List<StatementFilterError> Errors) Read()
    {
        var errors = new List<StatementFilterError>();
        var number = 1;
        var size = DefaultSize;
        if (!string.IsNullOrWhiteSpace(Page) && !(int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1))
        {
            errors.Add(new(PageName, $"“{Page}” is not a page number: use a whole number from 1."));
        }

        if (!string.IsNullOrWhiteSpace(PageSize) && !(int.TryParse(PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxSize))
        {
            errors.Add(new(SizeName, $"“{PageSize}” is not a page size: use a whole number from 1 to {MaxSize}."));
        }

        return (new PageRequest(Math.Max(number, 1), size is >= 1 and <= MaxSize ? size : DefaultSize), errors);
    }
}

public sealed record PageRequest(int Number, int Size)
{
    public int Skip => (int)Math.Min(int.MaxValue, ((long)Number - 1) * Size);

    /// <summary>Counts the rows and takes this page of the ordered query, in two SQL commands whatever the rows.</summary>
    public async Task<(int Total, List<T> Rows)> TakeAsync<T>(IQueryable<T> ordered, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var rows = Skip >= total ? [] : await ordered.Skip(Skip).Take(Size).ToListAsync(cancellationToken);
        return (total, rows);
    }

    /// <summary>The same for a projection that must follow the paging (one with collections): page the entities, then project.</summary>
    public async Task<(int Total, List<T> Rows)> TakeAsync<TSource, T>(
        IQueryable<TSource> ordered, Func<IQueryable<TSource>, IQueryable<T>> project, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var rows = Skip >= total ? [] : await project(ordered.Skip(Skip).Take(Size)).ToListAsync(cancellationToken);
        return (total, rows);
    }
}

/// <summary>One page of a list, with the total and the links to walk it.</summary>
public sealed record ApiPage<T>(
    IReadOnlyList<T> Items,
    int Page,
    int PageSize,
    [property: Description("Rows in the whole list, on every page.")] int Total,
    int LastPage,
    ApiPageLinks Links)
{
    /// <summary>The page's links keep every other query value of the request (filters, sort, page size, as-of day).</summary>
    public static ApiPage<T> Create(HttpContext context, PageRequest page, int total, IReadOnlyList<T> items)
    {
        var last = Math.Max(1, (total + page.Size - 1) / page.Size);
        var others = context.Request.Query
            .Where(q => !string.Equals(q.Key, PageParameters.PageName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")))
            .ToList();
        string To(int number)
        {
            var query = new QueryBuilder(others) { { PageParameters.PageName, number.ToString(CultureInfo.InvariantCulture) } };
            return context.Request.PathBase + context.Request.Path + query;
        }

        var links = new ApiPageLinks(
            To(page.Number),
            To(1),
            To(last),
            page.Number < last ? To(page.Number + 1) : null,
            page.Number > 1 ? To(Math.Min(page.Number - 1, last)) : null);
        return new ApiPage<T>(items, page.Number, page.Size, total, last, links);
    }
}

/// <summary>The pages of a list: this one, the first and last, and the next and previous where there are such.</summary>
public sealed record ApiPageLinks(string Self, string First, string Last, string? Next, string? Prev);
