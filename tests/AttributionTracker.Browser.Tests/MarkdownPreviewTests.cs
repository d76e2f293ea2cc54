using AttributionTracker.Web.Tests;
using AttributionTracker.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests;

/// <summary>An editor writing a summary sees it rendered as readers will, with or without JavaScript.</summary>
public sealed class MarkdownPreviewTests(BrowserFixture browser)
{
    private const string Summary = "Servers were **compromised** <script>window.pwned = 1</script> [see](javascript:alert(1))";

    [Fact]
    public async Task The_preview_follows_the_typing_when_javascript_is_on()
    {
        await using var session = await browser.OpenAsync(nameof(The_preview_follows_the_typing_when_javascript_is_on));
        var page = session.Page;
        await SignInAsync(session);

        await page.GotoAsync("/incidents/new");
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Preview" })).ToBeHiddenAsync();
        await page.GetByLabel("Summary").FillAsync(Summary);

        var preview = page.Locator("#Input_Summary-preview");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("compromised");
        await Expect(preview).ToContainTextAsync("<script>window.pwned = 1</script>");
        await Expect(preview.Locator("script")).ToHaveCountAsync(0);
        await Expect(preview.Locator("a[href^='javascript']")).ToHaveCountAsync(0);
        await session.ArrivedAsync();
    }

    [Fact]
    public async Task Without_javascript_the_preview_button_renders_it()
    {
        await using var session = await browser.OpenAsync(nameof(Without_javascript_the_preview_button_renders_it), javaScriptEnabled: false);
        var page = session.Page;
        await SignInAsync(session);

        await page.GotoAsync("/incidents/new");
        await session.ArrivedAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Draft incident");
        await page.GetByLabel("Summary").FillAsync(Summary);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await session.ArrivedAsync();

        var preview = page.Locator("#Input_Summary-preview");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("compromised");
        await Expect(preview.Locator("script")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Draft incident");
    }

    private async Task SignInAsync(BrowserSession session)
    {
        var email = await browser.Services.AddAccountAsync(Roles.Editor);
        var page = session.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(email);
    }
}
