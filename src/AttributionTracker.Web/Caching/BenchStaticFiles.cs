using Microsoft.Extensions.FileProviders;

namespace AttributionTracker.Web.Caching;

/// <summary>
/// For <c>bench/run.sh</c> only: serves the files of the folder named by <c>Bench:StaticFolder</c> under
/// <c>/bench-static/</c>, at the same place in the pipeline as the output cache, so a cached page can be compared
/// with a plain file of the same size served by the same Kestrel. Off unless configured.
/// (<c>MapStaticAssets</c> serves only files known at build time, so it cannot serve files the script writes.)
/// </summary>
public static class BenchStaticFiles
{
    public static IApplicationBuilder UseBenchStaticFiles(this IApplicationBuilder app, IConfiguration configuration)
    {
        var folder = configuration["Bench:StaticFolder"];
        if (string.IsNullOrWhiteSpace(folder))
        {
            return app;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)),
            RequestPath = "/bench-static",
            ServeUnknownFileTypes = false,
        });
    }
}
