using AttributionTracker.Data;
using AttributionTracker.Interop.Misp;

namespace AttributionTracker.Web.Interop;

/// <summary>GET /export/misp-galaxy.json: every actor as a MISP threat-actor galaxy cluster file.</summary>
public static class MispEndpoints
{
    public const string GalaxyPath = "/export/misp-galaxy.json";

    public static void MapMispDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet(GalaxyPath, async (AttributionDbContext db, CancellationToken cancellationToken) =>
            Results.File(GalaxyWriter.ToBytes(await GalaxyExport.BuildAsync(db, cancellationToken)), GalaxyWriter.ContentType, "misp-galaxy-threat-actor.json"))
            .WithName("MispGalaxy");
}
