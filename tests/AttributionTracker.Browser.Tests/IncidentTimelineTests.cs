using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests;

/// <summary>The incident timeline is drawn by the server: it must work with JavaScript off, by mouse and by keyboard.</summary>
public sealed class IncidentTimelineTests(BrowserFixture browser)
{
    private const string Finland = "/incidents/ataque-al-parlamento-de-finlandia";
    private const string Elections = "/incidents/espiar-a-personas-y-grupos-involucrados-en-las-campanas-electorales-presidenciales-de-ee-uu";

    [Fact]
    public async Task With_JavaScript_off_the_timeline_shows_and_clicking_a_mark_highlights_its_statement()
    {
        await using var session = await browser.OpenAsync(nameof(With_JavaScript_off_the_timeline_shows_and_clicking_a_mark_highlights_its_statement), javaScriptEnabled: false);
        var page = session.Page;
        await page.GotoAsync(Finland);
        await session.ArrivedAsync();

        var timeline = page.GetByRole(AriaRole.Group, new() { Name = "Timeline of statements about Ataque al parlamento de Finlandia" });
        await Expect(timeline).ToBeVisibleAsync();
        await Expect(page.GetByText("High confidence")).ToBeVisibleAsync();
        var mark = timeline.GetByRole(AriaRole.Link).Filter(new() { HasText = "National Cyber Security Centre" });
        await Expect(mark).ToBeVisibleAsync();

        await mark.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#statement-[0-9]+$"));
        var row = page.Locator("tr:target");
        await Expect(row).ToContainTextAsync("National Cyber Security Centre");
        await Expect(row).ToContainTextAsync("almost certain");
        await Expect(row).ToHaveCSSAsync("outline-style", "solid");
        await session.ArrivedAsync();
    }

    [Fact]
    public async Task A_keyboard_user_tabs_to_a_mark_and_Enter_targets_the_statement_row()
    {
        await using var session = await browser.OpenAsync(nameof(A_keyboard_user_tabs_to_a_mark_and_Enter_targets_the_statement_row));
        var page = session.Page;
        await page.GotoAsync(Elections);
        await session.ArrivedAsync();
        var denial = page.Locator("svg a.mark.denial");
        var href = await denial.GetAttributeAsync("href");

        var reached = false;
        for (var presses = 0; presses < 40 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await denial.EvaluateAsync<bool>("link => link === document.activeElement");
        }

        Assert.True(reached, "40 presses of Tab did not reach the denial on the timeline");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"));
        await Expect(page.Locator("tr:target")).ToContainTextAsync("denial");
        await Expect(page.Locator("tr:target")).ToContainTextAsync("answers");
        await session.ArrivedAsync();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 800)]
    public async Task The_incident_page_fits_the_window_and_the_timeline_scrolls_within_itself(int width, int height)
    {
        await using var session = await browser.OpenAsync($"{nameof(The_incident_page_fits_the_window_and_the_timeline_scrolls_within_itself)}-{width}", new ViewportSize { Width = width, Height = height });
        var page = session.Page;
        await page.GotoAsync(Finland);
        await session.ArrivedAsync();

        await Expect(page.Locator(".timeline-scroll > svg")).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.True(scrollWidth <= clientWidth + 1, $"the page is {scrollWidth}px wide in a {clientWidth}px window");
        var fontSize = await page.Locator("svg a.mark text").First.EvaluateAsync<double>("t => t.getBoundingClientRect().height");
        Assert.True(fontSize >= 10, $"timeline labels are {fontSize}px tall");
    }
}
