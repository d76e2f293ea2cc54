using Microsoft.Playwright;

namespace AttributionTracker.Browser.Tests;

/// <summary>The Content-Security-Policy as the browser applies it: injected inline script does not run, and no page breaks it.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_injected_inline_script_is_refused_by_the_browser()
    {
        await using var session = await browser.OpenAsync(nameof(An_injected_inline_script_is_refused_by_the_browser));
        var page = session.Page;

        var response = await page.GotoAsync("/actors/hafnium");
        await session.ArrivedAsync();
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);

        // As a stored-XSS payload would arrive: a script element with inline text added to the page.
        var violation = await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("""
                () => {
                    const script = document.createElement('script');
                    script.textContent = 'window.injectedScriptRan = true;';
                    document.body.appendChild(script);
                }
                """),
            new() { Predicate = m => m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal) });

        Assert.Contains("inline script", violation.Text, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => window.injectedScriptRan === undefined"));

        // The page's own scripts (Bootstrap, from a file) still work: the collapsed menu opens on a narrow screen.
        await page.SetViewportSizeAsync(400, 800);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Incidents", Exact = true })).ToBeVisibleAsync();
        await session.ArrivedAsync();
    }

    [Fact]
    public async Task No_page_the_seed_data_offers_violates_the_policy()
    {
        await using var session = await browser.OpenAsync(nameof(No_page_the_seed_data_offers_violates_the_policy));
        var page = session.Page;
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        // Violations also surface as DOM events, which catch what a console listener might miss (e.g. style attributes).
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));
            """);

        await VisitAsync("/");
        await VisitAsync("/incidents");
        var incident = await page.Locator("main a[href^='/incidents/']").First.GetAttributeAsync("href");
        await VisitAsync(incident!);
        await VisitAsync("/actors/hafnium");
        await VisitAsync("/sources");
        var source = await page.Locator("main a[href^='/sources/']").First.GetAttributeAsync("href");
        await VisitAsync(source!);
        await VisitAsync("/search?q=hafnium");

        Assert.Empty(violations);

        async Task VisitAsync(string url)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}");
            Assert.NotNull(await response.HeaderValueAsync("content-security-policy"));
            await session.ArrivedAsync();
        }
    }
}
