using System.Globalization;
using AttributionTracker.Domain;
using AttributionTracker.Web.AsOfViews;
using Microsoft.AspNetCore.Http.Extensions;

namespace AttributionTracker.Web.Api;

/// <summary>
/// The addresses a response links to: each record's API address and web page, under the app's path base, keeping
/// the request's as-of day (as the pages' links do), so a client that follows links stays in the same past.
/// </summary>
public sealed class ApiAddresses(HttpContext context)
{
    public const string Root = "/api/v1";

    private readonly string? asOf = context.AsOf()?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public ApiLinks Actor(Slug slug) => Both($"/actors/{slug.Value}");

    public ApiLinks Incident(Slug slug) => Both($"/incidents/{slug.Value}");

    public ApiLinks Party(Slug slug) => Both($"/parties/{slug.Value}");

    public ApiLinks State(CountryCode code) => Both($"/states/{code.Value}");

    public ApiLinks Statement(int id) => Both($"/statements/{id.ToString(CultureInfo.InvariantCulture)}");

    public ApiLinks Source(int id) => Both($"/sources/{id.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>An API address: <paramref name="path"/> under <see cref="Root"/>, with the query values given and the as-of day.</summary>
    public string Api(string path, params IEnumerable<KeyValuePair<string, string>> query) => Address(Root + path, query);

    /// <summary>A web page's address, with the query values given and the as-of day.</summary>
    public string Html(string path, params IEnumerable<KeyValuePair<string, string>> query) => Address(path, query);

    private ApiLinks Both(string path) => new(Api(path), Html(path));

    private string Address(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var values = new QueryBuilder(query.Where(q => q.Key != AsOfPageFilter.QueryName));
        if (asOf is not null)
        {
            values.Add(AsOfPageFilter.QueryName, asOf);
        }

        return context.Request.PathBase + path + values;
    }
}

/// <summary>Where a record is: its API address and its web page.</summary>
public sealed record ApiLinks(string Self, string Html);
