using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests;

/// <summary>A reader searches from the box in the page header, reads the marked hits and follows one.</summary>
public sealed class SearchJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Searching_hafnio_from_the_header_shows_HAFNIUM_and_its_statements_marked_and_leads_to_the_actor()
    {
        await using var session = await browser.OpenAsync(nameof(Searching_hafnio_from_the_header_shows_HAFNIUM_and_its_statements_marked_and_leads_to_the_actor));
        var page = session.Page;
        await page.GotoAsync("/");
        await session.ArrivedAsync();

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search actors, incidents, parties, quotes and sources" }).FillAsync("hafnio");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=hafnio$"));
        await session.ArrivedAsync();

        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search actors (every alias), incidents, parties, quotes and sources" })).ToHaveValueAsync("hafnio");
        var hits = page.Locator("ol.search-results > li");
        await Expect(hits.First.GetByRole(AriaRole.Link, new() { Name = "HAFNIUM", Exact = true })).ToBeVisibleAsync();
        await Expect(hits.First.Locator("mark")).ToHaveTextAsync("Hafnio");
        var statements = page.Locator("ol.search-results > li[data-kind='statement']");
        await Expect(statements.Locator("blockquote mark")).ToHaveTextAsync("hafnio");
        // Microsoft's statement names Hafnium, not "hafnio": it is found through the actor it accuses.
        await Expect(statements.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Microsoft", Exact = true }) })).ToHaveCountAsync(1);

        await statements.Locator("blockquote a mark").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/sources/\d+#s\d+$"));
        await session.ArrivedAsync();
        await Expect(page.Locator(":target")).ToContainTextAsync("hafnio");

        await page.GoBackAsync();
        await hits.First.GetByRole(AriaRole.Link, new() { Name = "HAFNIUM", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/actors/hafnium$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "HAFNIUM", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Searching_Finlandia_leads_to_the_attack_on_the_Finnish_parliament()
    {
        await using var session = await browser.OpenAsync(nameof(Searching_Finlandia_leads_to_the_attack_on_the_Finnish_parliament));
        var page = session.Page;
        await page.GotoAsync("/");
        await session.ArrivedAsync();

        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search actors, incidents, parties, quotes and sources" });
        await box.FillAsync("Finlandia");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=Finlandia$"));
        await session.ArrivedAsync();

        var incident = page.Locator("ol.search-results > li[data-kind='incident']").First;
        await Expect(incident.Locator("mark")).ToHaveTextAsync("Finlandia");
        await incident.GetByRole(AriaRole.Link, new() { Name = "Ataque al parlamento de Finlandia" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/incidents/ataque-al-parlamento-de-finlandia$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ataque al parlamento de Finlandia", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_results_and_a_long_hostile_query_do_not_scroll_sideways()
    {
        await using var session = await browser.OpenAsync(nameof(On_a_phone_the_results_and_a_long_hostile_query_do_not_scroll_sideways), new ViewportSize { Width = 375, Height = 800 });
        var page = session.Page;

        foreach (var query in new[] { "hafnio", "\"NEAR(*'; DROP TABLE" + new string('x', 300) })
        {
            await page.GotoAsync("/search?q=" + Uri.EscapeDataString(query));
            await session.ArrivedAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search", Level = 1 })).ToBeVisibleAsync();
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
            Assert.True(scrollWidth <= clientWidth + 1, $"the page for {query[..6]}… is {scrollWidth}px wide in a {clientWidth}px window");
        }
    }
}
