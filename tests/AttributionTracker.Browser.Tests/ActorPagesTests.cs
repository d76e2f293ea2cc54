using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests;

/// <summary>A reader goes from an actor to the state behind it, to a party of that state, and back.</summary>
public sealed class ActorPagesTests(BrowserFixture browser)
{
    public static TheoryData<string, int> Screens => new() { { "desktop", 1280 }, { "phone", 375 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_reader_goes_from_HAFNIUM_to_China_to_its_spokesperson_and_back(string screen, int width)
    {
        await using var session = await browser.OpenAsync(
            $"{nameof(A_reader_goes_from_HAFNIUM_to_China_to_its_spokesperson_and_back)}-{screen}", new ViewportSize { Width = width, Height = 800 });
        var page = session.Page;

        await page.GotoAsync("/actors/hafnium");
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "HAFNIUM", Level = 1 })).ToBeVisibleAsync();
        var incidents = page.GetByRole(AriaRole.Region, new() { Name = "Incidents attributed to it" });
        await Expect(incidents.GetByRole(AriaRole.Row).Filter(new() { HasText = "National Cyber Security Centre" })).ToContainTextAsync("highly likely");
        await AssertNoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "China", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/states/cn$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "China", Level = 1 })).ToBeVisibleAsync();
        var sponsored = page.GetByRole(AriaRole.Region, new() { Name = "Actors it sponsors" });
        await Expect(sponsored.GetByRole(AriaRole.Link, new() { Name = "HAFNIUM", Exact = true })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);

        var denials = page.GetByRole(AriaRole.Region, new() { Name = "Denials it issued" });
        await denials.GetByRole(AriaRole.Link, new() { Name = "Spokesperson of the Ministry of Foreign Affairs of China" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/parties/spokesperson-of-the-ministry-of-foreign-affairs-of-china$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spokesperson of the Ministry of Foreign Affairs of China", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Cell, new() { Name = "denied", Exact = true })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/states/cn$"));
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/actors/hafnium$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "HAFNIUM", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_actor_filter_is_labelled_and_finds_HAFNIUM_by_its_Spanish_alias()
    {
        await using var session = await browser.OpenAsync(nameof(The_actor_filter_is_labelled_and_finds_HAFNIUM_by_its_Spanish_alias));
        var page = session.Page;
        await page.GotoAsync("/actors");
        await session.ArrivedAsync();

        await page.GetByLabel("Name or alias").FillAsync("háfnio");
        await page.GetByLabel("Only actors accused in a statement").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/actors\?q=h%C3%A1fnio&accused=true$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "HAFNIUM", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Only actors accused in a statement")).ToBeCheckedAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.True(scrollWidth <= clientWidth + 1, $"{page.Url} is {scrollWidth}px wide in a {clientWidth}px window");
    }
}
