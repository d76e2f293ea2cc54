using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Interop.Csv;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;

namespace AttributionTracker.Web.Interop;

/// <summary>
/// GET /statements.csv: one row per statement matching the incident list's filter (the same query names), in the
/// format <c>attribution csv import statements</c> reads back. A value that cannot be used gets the 400 page
/// listing each one, as the list does.
/// </summary>
public static class CsvEndpoints
{
    public const string StatementsPath = "/statements.csv";

    /// <summary>The download of the statements a filter keeps, for the incident list's link.</summary>
    public static string StatementsLink(StatementFilter filter) =>
        StatementsPath + QueryString.Create(filter.ToQuery().Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));

    public static void MapCsvDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet(StatementsPath, async (HttpContext http, AttributionDbContext db, CancellationToken cancellationToken) =>
        {
            var query = http.Request.Query;
            var problems = new List<string>();
            DateOnly? asOf = null;
            if (query[AsOfPageFilter.QueryName].ToString() is { Length: > 0 } raw)
            {
                if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    asOf = day;
                }
                else
                {
                    problems.Add($"asof: “{raw}” is not a date: write the as-of day as YYYY-MM-DD, for example 2021-07-19.");
                }
            }

            var parsed = StatementFilterQuery.Parse(name => query[name].FirstOrDefault(), asOf);
            var errors = parsed.Errors.Concat(await parsed.Filter.FindUnknownAsync(db, cancellationToken));
            problems.AddRange(errors.Select(e => $"{e.Name}: {e.Message}"));
            if (problems.Count > 0)
            {
                http.Items[StatusMessage.Key] = string.Join(" ", problems);
                return Results.StatusCode(StatusCodes.Status400BadRequest);
            }

            using var csv = new MemoryStream();
            await StatementCsvExport.WriteAsync(db, parsed.Filter, csv, cancellationToken);
            return Results.File(csv.ToArray(), CsvFormat.ContentType, StatementCsvExport.FileName("statements", parsed.Filter));
        }).WithName("StatementsCsv");
}
