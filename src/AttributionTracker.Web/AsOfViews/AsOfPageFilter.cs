using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AttributionTracker.Web.AsOfViews;

/// <summary>
/// Reads the <c>asof</c> query value on every page once, so each page model and the layout agree on it, and
/// answers a malformed one with a 400 page that says what was expected instead of silently showing today.
/// </summary>
public sealed class AsOfPageFilter : IAsyncPageFilter
{
    public const string QueryName = "asof";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var raw = context.HttpContext.Request.Query[QueryName].ToString();
        if (raw.Length > 0)
        {
            if (!TryParse(raw, out var day))
            {
                context.HttpContext.Items[StatusMessage.Key] = NotADate(raw);
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }

            context.HttpContext.Features.Set(new AsOfFeature(day));
        }

        await next();
    }

    /// <summary>Reads an as-of day as the pages and the JSON API accept it: YYYY-MM-DD.</summary>
    public static bool TryParse(string raw, out DateOnly day) =>
        DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>What a reader is told about a malformed as-of value, on a page or in an API problem.</summary>
    public static string NotADate(string raw) =>
        $"“{raw}” is not a date: write the as-of day as YYYY-MM-DD, for example 2021-07-19.";
}

/// <summary>The as-of day of this request, when there is one.</summary>
public sealed record AsOfFeature(DateOnly Day);

public static class AsOfHttpContextExtensions
{
    /// <summary>The day this request views the record as of, or null for today's full record.</summary>
    public static DateOnly? AsOf(this HttpContext context) => context.Features.Get<AsOfFeature>()?.Day;
}
