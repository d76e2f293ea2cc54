using AttributionTracker.Data;

namespace AttributionTracker.Web;

/// <summary>The rolling log files go to "Logging:Folder", by default a "logs" folder inside the data folder.</summary>
public static class LogFolder
{
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration["Logging:Folder"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        return Path.Combine(store.ResolveDataFolder(), "logs");
    }
}
