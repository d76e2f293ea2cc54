using System.Security.Cryptography;
using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AttributionTracker.Web.Feeds;

/// <summary>Atom feeds of newly recorded statements: all, per actor, per incident, per state.</summary>
public static class FeedEndpoints
{
    /// <summary>How many entries a feed carries: the newest by when they were recorded.</summary>
    public const int Size = 50;

    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapAtomFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/statements.atom", (HttpContext http, AttributionDbContext db, CancellationToken ct) =>
            ServeAsync(http, db, FeedScope.All, ct));
        app.MapGet("/feeds/actors/{slug}.atom", async (string slug, HttpContext http, AttributionDbContext db, CancellationToken ct) =>
            await FeedScope.ActorAsync(db, slug, ct) is { } actor ? await ServeAsync(http, db, actor, ct)
            // A merged actor's subscribers follow it to the actor that absorbed it, as its page does.
            : await FeedScope.MergedActorAsync(db, slug, ct) is { } target ? Results.Redirect($"/feeds/actors/{target.Value}.atom", permanent: true)
            : Results.NotFound());
        app.MapGet("/feeds/incidents/{slug}.atom", async (string slug, HttpContext http, AttributionDbContext db, CancellationToken ct) =>
            await ServeAsync(http, db, await FeedScope.IncidentAsync(db, slug, ct), ct));
        app.MapGet("/feeds/states/{code}.atom", async (string code, HttpContext http, AttributionDbContext db, CancellationToken ct) =>
            await ServeAsync(http, db, await FeedScope.StateAsync(db, code, ct), ct));
        return app;
    }

    private static async Task<IResult> ServeAsync(HttpContext http, AttributionDbContext db, FeedScope? scope, CancellationToken ct)
    {
        if (scope is null)
        {
            return Results.NotFound();
        }

        var newest = db.Statements.AsNoTracking().Where(scope.Filter)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(Size);
        var entries = await FeedEntry.Query(newest).ToListAsync(ct);

        var request = http.Request;
        var body = AtomFeed.Write(scope, entries, new Uri($"{request.Scheme}://{request.Host}/"));

        // The validator is the hash of the document itself: a renamed party or actor changes the feed as surely as a new
        // statement does, and an unchanged feed costs a poller one query and no transfer.
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, ContentType);
    }
}
