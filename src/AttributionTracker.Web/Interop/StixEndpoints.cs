using System.Text;
using System.Text.Json;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Interop.Stix;

namespace AttributionTracker.Web.Interop;

/// <summary>
/// STIX 2.1 downloads for analysts' tools: the whole store, one incident, one actor (ADR 16). Read-only and public,
/// like the pages they mirror; an unknown or malformed slug gets the site's 404 page.
/// </summary>
public static class StixEndpoints
{
    public const string ContentType = "application/stix+json;version=2.1";

    public static IEndpointRouteBuilder MapStixExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/stix", (AttributionDbContext db, CancellationToken ct) =>
            DownloadAsync(db, StixScope.Store, "attribution-tracker", ct));
        app.MapGet("/incidents/{slug}/stix.json", (string slug, AttributionDbContext db, CancellationToken ct) =>
            Slug.TryParse(slug, out var s) ? DownloadAsync(db, StixScope.ForIncident(s), "incident-" + s, ct) : Task.FromResult(Results.NotFound()));
        app.MapGet("/actors/{slug}/stix.json", (string slug, AttributionDbContext db, CancellationToken ct) =>
            Slug.TryParse(slug, out var s) ? DownloadAsync(db, StixScope.ForActor(s), "actor-" + s, ct) : Task.FromResult(Results.NotFound()));
        return app;
    }

    private static async Task<IResult> DownloadAsync(AttributionDbContext db, StixScope scope, string name, CancellationToken ct)
    {
        var bundle = await new StixExporter(db).ExportAsync(scope, ct);
        if (bundle is null)
        {
            return Results.NotFound();
        }

        var bytes = Encoding.UTF8.GetBytes(bundle.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return Results.File(bytes, ContentType, $"{name}.stix.json");
    }
}
