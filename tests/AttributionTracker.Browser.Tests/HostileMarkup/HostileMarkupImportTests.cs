using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests.HostileMarkup;

/// <summary>Issue 8 for the import: an article made of payloads is shown inert on the review page, text as text.</summary>
[Collection(HostileMarkupCollection.Name)]
public sealed class HostileMarkupImportTests(HostileMarkupApp app)
{
    [Fact]
    public async Task An_article_full_of_payloads_is_inert_on_the_import_review_page()
    {
        await using var session = await app.OpenAsync(nameof(An_article_full_of_payloads_is_inert_on_the_import_review_page));
        var page = session.Page;
        var inspection = await PageInspection.StartAsync(page);
        await page.GotoAsync("/account/login?returnUrl=%2Fimport");
        await page.GetByLabel("E-mail").FillAsync(app.EditorEmail);
        await page.GetByLabel("Password").FillAsync(Web.Tests.TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByLabel("Article text")).ToBeVisibleAsync();

        // One statement the extractor recognises, so the review has rows, and every payload as a paragraph of its own.
        var text = "The United Kingdom said it was almost certain that the GRU was responsible for NotPetya.\n\n"
            + string.Join("\n\n", HostileMarkupApp.Payloads);
        await page.GetByLabel("Article text").FillAsync(text);
        await page.Locator("#Article_Title").FillAsync(HostileMarkupApp.Payloads[0]);
        await page.GetByLabel("Publication date").FillAsync("2018-02-15");

        // A script address is refused outright, the form shown again as it was.
        await page.Locator("#Article_Url").FillAsync("javascript:window.__xss=1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByText("Enter the full address, starting with https:// or http://")).ToBeVisibleAsync();
        await inspection.CheckAsync();

        await page.Locator("#Article_Url").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#review-heading")).ToHaveTextAsync("Review: " + HostileMarkupApp.Payloads[0]);
        await session.ArrivedAsync();
        await inspection.CheckAsync();
    }
}
