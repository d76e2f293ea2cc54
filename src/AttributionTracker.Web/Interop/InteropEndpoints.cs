using AttributionTracker.Web.Interop;

namespace AttributionTracker.Web;

/// <summary>The downloads for analysts' tools that are files rather than pages (STIX 2.1 bundles, MISP galaxy, CSV of statements).</summary>
public static class InteropEndpoints
{
    public static IEndpointRouteBuilder MapInteropDownloads(this IEndpointRouteBuilder app)
    {
        app.MapMispDownloads();
        app.MapCsvDownloads();
        app.MapStixExports();
        return app;
    }
}
