using AttributionTracker.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Data;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The store, its initializer and the reference-data loaders, configured from the "Database" section.</summary>
    public static IServiceCollection AddAttributionStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        services.AddSingleton(options);
        var connectionString = options.ResolveConnectionString();
        // Interceptors registered by the host (tests count SQL commands this way) are picked up from the container.
        services.AddDbContext<AttributionDbContext>((provider, db) => db
            .UseAttributionSqlite(connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddScoped<StoreInitializer>();
        services.AddScoped<ReferenceDataLoader>();
        services.AddScoped<Import.Persistence.ArticleImporter>();
        services.AddScoped<SeedArticlesLoader>();
        services.AddScoped<Search.ISearchIndex, Search.SqliteSearchIndex>();
        return services;
    }

    public static DbContextOptionsBuilder UseAttributionSqlite(this DbContextOptionsBuilder builder, string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);

        // Writers wait up to this long for a lock instead of failing at once (Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout).
        if (csb.DefaultTimeout == 30)
        {
            csb.DefaultTimeout = 60;
        }

        return builder.UseSqlite(csb.ToString(), sqlite => sqlite
            .MigrationsAssembly(typeof(AttributionDbContext).Assembly.FullName)
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
    }
}
