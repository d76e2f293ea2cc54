using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using AttributionTracker.Domain;
using AttributionTracker.Web.Tests;
using Microsoft.Playwright;

namespace AttributionTracker.Browser.Tests;

/// <summary>
/// The app served by Kestrel on a real loopback port and one headless Chromium, shared by the tests of a class.
/// Each test opens its own <see cref="BrowserSession"/> (a fresh browser context), so tests do not share cookies
/// or history.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; tests/run.sh installs it when missing and exports its path.</summary>
    public const string ChromiumVariable = "ATTRIBUTION_CHROMIUM";

    // Without the networking flags Chromium keeps trying hosts the test machine cannot reach (see RECIPES.md).
    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly AttributionWebFactory factory = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's services, for a test to set up what it needs (an editor's account).</summary>
    public IServiceProvider Services => factory.Services;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}: run the tests with tests/run.sh (it installs it) or set {ChromiumVariable}.");
        }

        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First());

        // A shared 2-core CI machine renders the first page slowly; 5 s (Playwright's default) is too tight there.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context and page on the app; screenshots go under the test's name.</summary>
    public async Task<BrowserSession> OpenAsync(string test, ViewportSize? viewport = null, bool javaScriptEnabled = true)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            JavaScriptEnabled = javaScriptEnabled,
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync(), test);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await factory.DisposeAsync();
    }
}
