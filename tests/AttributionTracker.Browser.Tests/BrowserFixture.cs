using Microsoft.Playwright;

namespace AttributionTracker.Browser.Tests;

/// <summary>
/// One headless Chromium for the whole run and the shared app it visits (served by Kestrel on a real loopback
/// port). Each test opens its own <see cref="BrowserSession"/> (a fresh browser context), so tests do not share
/// cookies or history; a test that needs an app of its own (it writes, or stores hostile records) opens its session
/// on that app's address in the same Chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; tests/run.sh installs it when missing and exports its path.</summary>
    public const string ChromiumVariable = "ATTRIBUTION_CHROMIUM";

    // Without the networking flags Chromium keeps trying hosts the test machine cannot reach (see RECIPES.md).
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private AppServer? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress => app!.BaseAddress;

    /// <summary>The shared app's services, for a test to set up what it needs (an editor's account).</summary>
    public IServiceProvider Services => app!.Services;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}: run the tests with tests/run.sh (it installs it) or set {ChromiumVariable}.");
        }

        // The app and the browser start side by side: neither needs the other until the first page.
        var launch = Task.Run(async () =>
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
            });
        });
        app = await Task.Run(AppServer.Start);
        await launch;

        // A shared 2-core CI machine renders the first page slowly; 5 s (Playwright's default) is too tight there.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A fresh browser context and page on the shared app; screenshots go under the test's name.</summary>
    public Task<BrowserSession> OpenAsync(string test, ViewportSize? viewport = null, bool javaScriptEnabled = true) =>
        OpenAsync(BaseAddress, test, viewport, javaScriptEnabled);

    /// <summary>A fresh browser context and page on the app at <paramref name="baseAddress"/>.</summary>
    public async Task<BrowserSession> OpenAsync(Uri baseAddress, string test, ViewportSize? viewport = null, bool javaScriptEnabled = true)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
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
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
