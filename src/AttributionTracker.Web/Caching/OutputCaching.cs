namespace AttributionTracker.Web.Caching;

public static class OutputCaching
{
    /// <summary>
    /// The output cache for anonymous reads, invalidated by any committed write to the store (see
    /// <see cref="PublicPagePolicy"/> and <see cref="StoreGeneration"/>).
    /// </summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddSingleton<StoreGeneration>();
        services.AddSingleton<Pages.HomeMatrixCache>();
        services.AddOutputCache(options =>
        {
            // Entries are never stale (the key holds the store's generation); the expiry only frees memory that
            // entries of past generations still hold.
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(5);
            options.SizeLimit = 64 * 1024 * 1024;
            options.MaximumBodySize = 4 * 1024 * 1024;
        });
        services.AddSingleton<PublicPagePolicy>();
        services.ConfigureOptions<BasePolicySetup>();
        return services;
    }

    private sealed class BasePolicySetup(PublicPagePolicy policy) : Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>
    {
        public void Configure(Microsoft.AspNetCore.OutputCaching.OutputCacheOptions options) => options.AddBasePolicy(policy);
    }
}
