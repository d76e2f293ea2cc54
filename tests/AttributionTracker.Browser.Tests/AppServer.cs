using AttributionTracker.Web.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Browser.Tests;

/// <summary>The real app served by Kestrel on a loopback port over a fresh data folder, for a browser to visit.</summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly AttributionWebFactory factory = new();

    private AppServer()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's services, for a test to set up what it needs (an editor's account, records).</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>Migrations and first-start seeding run here, as for a user.</summary>
    public static AppServer Start() => new();

    public HttpClient CreateClient() => factory.CreateClient();

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
