using AttributionTracker.Web.Interop;

namespace AttributionTracker.Web;

/// <summary>The downloads for analysts' tools that are files rather than pages (MISP, CSV of statements).</summary>
public static class InteropEndpoints
{
    public static IEndpointRouteBuilder MapInteropDownloads(this IEndpointRouteBuilder app)
    {
        app.MapMispDownloads();
        app.MapCsvDownloads();
        return app;
    }
}
