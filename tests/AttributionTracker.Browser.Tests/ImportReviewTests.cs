using AttributionTracker.Web.Tests;
using System.Text.RegularExpressions;
using AttributionTracker.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests;

/// <summary>
/// An editor imports an article through the review page. It writes, so it runs on an app of its own (in the shared
/// Chromium).
/// </summary>
public sealed class ImportReviewTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_editor_pastes_an_article_previews_it_rejects_a_statement_and_sees_the_rest_on_the_source_page()
    {
        await using var app = await Task.Run(AppServer.Start, TestContext.Current.CancellationToken);
        var email = await app.Services.AddAccountAsync(Roles.Editor);
        var text = await File.ReadAllTextAsync(CorpusFile("en_01_notpetya_russia.txt"), TestContext.Current.CancellationToken);
        await using var session = await browser.OpenAsync(app.BaseAddress, nameof(An_editor_pastes_an_article_previews_it_rejects_a_statement_and_sees_the_rest_on_the_source_page));
        var page = session.Page;

        await page.GotoAsync("/account/login?returnUrl=%2Fimport");
        await session.ArrivedAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/import$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Article text").FillAsync(text);
        await page.GetByLabel("Publication date").FillAsync("2018-02-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statements", Exact = false, Level = 3 })).ToBeVisibleAsync();
        await session.ArrivedAsync();
        var statements = page.Locator("#review-form fieldset[id^=review-s]");
        var count = await statements.CountAsync();
        Assert.True(count >= 2, $"{count} statements");
        await Expect(page.Locator("#review-text .review-number")).ToHaveCountAsync(count);

        // On a phone the article and the statements stack; the picture shows whether it still reads.
        await page.SetViewportSizeAsync(390, 844);
        await session.ArrivedAsync();
        await page.SetViewportSizeAsync(1280, 900);

        // The number in the text leads to the statement's card, where it is rejected.
        await page.Locator("#review-text .review-number").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#review-s1$"));
        await statements.First.GetByLabel("Reject").CheckAsync();
        await Expect(statements.First).ToHaveClassAsync(new Regex("is-rejected"));
        await Expect(page.Locator("#review-text .review-number").First).ToHaveClassAsync(new Regex("is-rejected"));
        await session.ArrivedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Commit accepted statements" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sources/\\d+$"));
        await session.ArrivedAsync();
        await Expect(page.Locator("table.statements tbody tr")).ToHaveCountAsync(count - 1);
    }

    private static string CorpusFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "corpus", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(name);
    }
}
