using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace AttributionTracker.Web.Caching;

/// <summary>
/// Which responses the output cache keeps: what every anonymous reader gets alike (public pages, API reads, feeds),
/// keyed by the full address and the <see cref="StoreGeneration"/>, so the first request after any write renders
/// afresh. Never a signed-in reader's page (edit buttons, antiforgery tokens), never anything but a 200, never a
/// response that sets a cookie or says no-store (a form's antiforgery token does), never an error or status page.
/// </summary>
public sealed class PublicPagePolicy(StoreGeneration generation) : IOutputCachePolicy
{
    private string? lastGeneration;

    /// <summary>Paths whose pages are per reader or are forms.</summary>
    private static readonly string[] PrivatePrefixes = ["/account", "/admin", "/import", "/pickers", "/error", "/status"];

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = IsCacheable(context.HttpContext);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        if (!cacheable)
        {
            return;
        }

        // A client that asks for a fresh answer ("Cache-Control: no-cache") gets a render, which is then stored. It
        // opens nothing new: an ignored query value would bypass the cache as well.
        context.AllowCacheLookup = !AsksForFreshAnswer(context.HttpContext.Request);
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        var current = await generation.ReadAsync(cancellation);
        context.CacheVaryByRules.VaryByValues["store"] = current;
        context.Tags.Add(TagOf(current));
        if (Interlocked.Exchange(ref lastGeneration, current) is { } previous && previous != current)
        {
            // Entries of a past generation can never be served again: free their memory now, not at expiry.
            // (The store is looked up here: it is built from the options this policy is part of.)
            await context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(TagOf(previous), cancellation);
        }
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || CacheControlHeaderValue.NoStoreString is var noStore && response.Headers.CacheControl.Any(v => v?.Contains(noStore, StringComparison.OrdinalIgnoreCase) == true)
            || context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static bool AsksForFreshAnswer(HttpRequest request) =>
        request.Headers.CacheControl.Any(v => v?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true);

    private static string TagOf(string generation) => "store:" + generation;

    private static bool IsCacheable(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        // A bearer token or a sign-in cookie makes a reader someone in particular.
        if (!StringValues.IsNullOrEmpty(request.Headers.Authorization) || http.User.Identity?.IsAuthenticated == true)
        {
            return false;
        }

        // A re-executed error or status page answers for another address and status: never store or serve it.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return false;
        }

        // Files (css, scripts) have their own caching headers and ETags.
        if (http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
        {
            return false;
        }

        var path = request.Path.Value ?? "/";
        return !PrivatePrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            && !path.EndsWith("/edit", StringComparison.OrdinalIgnoreCase);
    }
}
