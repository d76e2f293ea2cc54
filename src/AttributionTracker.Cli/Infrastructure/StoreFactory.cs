using AttributionTracker.Data;
using AttributionTracker.Data.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AttributionTracker.Cli.Infrastructure;

/// <summary>Builds the store services for one command, with its command-line overrides applied to the configuration.</summary>
internal sealed class StoreFactory(IConfiguration configuration, ILoggerFactory loggerFactory)
{
    public ServiceProvider Create(StoreSettings settings)
    {
        var overrides = new Dictionary<string, string?>();
        if (settings.DataFolder is not null)
        {
            overrides[$"{StoreOptions.Section}:{nameof(StoreOptions.DataFolder)}"] = settings.DataFolder;
        }

        if (settings.ConnectionString is not null)
        {
            overrides[$"{StoreOptions.Section}:{nameof(StoreOptions.ConnectionString)}"] = settings.ConnectionString;
        }

        var merged = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddAttributionStore(merged);
        services.AddAttributionAccountStore();
        return services.BuildServiceProvider();
    }
}
