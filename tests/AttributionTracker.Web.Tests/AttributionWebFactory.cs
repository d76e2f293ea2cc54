using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

/// <summary>
/// The real app over a real SQLite file in a fresh temporary data folder: migrations and first-start seeding run
/// exactly as for a user.
/// </summary>
public sealed class AttributionWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>
    /// As a shared fixture the app starts here, once, before any test asks for a client: the factory's lazy start
    /// is not safe when several test classes ask at the same moment.
    /// </summary>
    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("attribution-web-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:AttributionTracker", "Information");
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<SqlCommandTally>();
            services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<SqlCommandTally>());
        });
    }

    /// <summary>How many SQL commands one GET of <paramref name="url"/> runs.</summary>
    public async Task<int> CountSqlCommandsAsync(string url)
    {
        var tally = Guid.NewGuid().ToString("N");
        using var client = CreateClient();
        client.DefaultRequestHeaders.Add(SqlCommandTally.Header, tally);
        // The page's own commands, not the output cache's copy of an earlier render.
        client.DefaultRequestHeaders.CacheControl = new() { NoCache = true };
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return Services.GetRequiredService<SqlCommandTally>()[tally];
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed; the OS temp cleaner will take it.
        }
    }
}
