using AttributionTracker.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Data;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The assembly that holds the PostgreSQL migrations (SQLite's are in this one).</summary>
    public const string PostgresMigrationsAssembly = "AttributionTracker.Migrations.Postgres";

    /// <summary>The store, its initializer and the reference-data loaders, configured from the "Database" section.</summary>
    public static IServiceCollection AddAttributionStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        services.AddSingleton(options);

        // The connection string is resolved when the first context is made, not here, so a missing one surfaces as a
        // StoreUnavailableException where the host starts the store and can report it in one line.
        // Interceptors registered by the host (tests count SQL commands this way) are picked up from the container.
        services.AddDbContext<AttributionDbContext>((provider, db) => db
            .UseAttributionStore(options)
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddScoped<StoreInitializer>();
        services.AddScoped<ReferenceDataLoader>();
        services.AddScoped<Import.Persistence.ArticleImporter>();
        services.AddScoped<SeedArticlesLoader>();
        if (options.Provider == StoreProvider.Postgres)
        {
            services.AddScoped<Search.ISearchIndex, Search.PostgresSearchIndex>();
        }
        else
        {
            services.AddScoped<Search.ISearchIndex, Search.SqliteSearchIndex>();
        }

        return services;
    }

    /// <summary>The engine <paramref name="options"/> names, with its connection string.</summary>
    public static DbContextOptionsBuilder UseAttributionStore(this DbContextOptionsBuilder builder, StoreOptions options) =>
        options.Provider == StoreProvider.Postgres
            ? builder.UseAttributionPostgres(options.ResolveConnectionString())
            : builder.UseAttributionSqlite(options.ResolveConnectionString());

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

    public static DbContextOptionsBuilder UseAttributionPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(PostgresMigrationsAssembly)
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
}
