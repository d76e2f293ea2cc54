using Microsoft.AspNetCore.Http.Extensions;

namespace AttributionTracker.Web.AsOfViews;

/// <summary>The current request's query with or without its as-of value, for the banner and the as-of form.</summary>
public static class AsOfQuery
{
    /// <summary>The same page and query without <c>asof</c>: today's record.</summary>
    public static string Without(HttpRequest request)
    {
        var query = new QueryBuilder(OtherValues(request));
        return request.PathBase + request.Path + query;
    }

    /// <summary>Every query value except <c>asof</c>, in request order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> OtherValues(HttpRequest request) =>
        request.Query
            .Where(q => !string.Equals(q.Key, AsOfPageFilter.QueryName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));
}
