using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AttributionTracker.Browser.Tests;

/// <summary>
/// One test's browser context and page. <see cref="ArrivedAsync"/> is called on every page the test reaches and
/// saves a full-page screenshot to <c>screenshots/&lt;test&gt;-&lt;n&gt;-&lt;page&gt;.png</c> in the test output
/// folder; a page the test was still on when it failed is saved on dispose, so a failure leaves a picture too.
/// </summary>
public sealed partial class BrowserSession(IBrowserContext context, IPage page, string test) : IAsyncDisposable
{
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private int count;
    private string? lastSavedUrl;

    public IPage Page { get; } = page;

    /// <summary>Waits until the page has loaded, then saves its screenshot.</summary>
    public async Task ArrivedAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, $"{test}-{++count}-{PageName(Page.Url)}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        lastSavedUrl = Page.Url;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Page.Url != lastSavedUrl && Page.Url.StartsWith("http", StringComparison.Ordinal))
            {
                await ArrivedAsync();
            }
        }
        catch (PlaywrightException)
        {
            // The page is gone; the test's own failure says more than a missing picture.
        }

        await context.DisposeAsync();
    }

    /// <summary>"/" → home, "/actors/hafnium" → actors-hafnium.</summary>
    internal static string PageName(string url)
    {
        var path = new Uri(url).AbsolutePath.Trim('/');
        return path.Length == 0 ? "home" : NotFileSafe().Replace(path, "-");
    }

    [GeneratedRegex("[^A-Za-z0-9_.]+")]
    private static partial Regex NotFileSafe();
}
