using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests;

/// <summary>What a reader sees and does in a real browser, on the data first start imports from the seed article.</summary>
public sealed class ReaderJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reader_follows_a_statement_from_the_home_page_to_the_actor_the_incident_and_the_party()
    {
        await using var session = await browser.OpenAsync(nameof(A_reader_follows_a_statement_from_the_home_page_to_the_actor_the_incident_and_the_party));
        var page = session.Page;

        await page.GotoAsync("/");
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Public cyber-attribution statements" })).ToBeVisibleAsync();
        var latest = page.GetByRole(AriaRole.Table);
        await Expect(latest.GetByRole(AriaRole.Columnheader, new() { Name = "Confidence" })).ToBeVisibleAsync();
        await Expect(latest.GetByRole(AriaRole.Link, new() { Name = "Microsoft", Exact = true }).First).ToBeVisibleAsync();
        await Expect(latest.GetByRole(AriaRole.Link, new() { Name = "Ataque al parlamento de Finlandia", Exact = true }).First).ToBeVisibleAsync();
        await Expect(latest.GetByRole(AriaRole.Row).Filter(new() { HasText = "HAFNIUM" }).Filter(new() { HasText = "highly likely" })).ToHaveCountAsync(1);

        await latest.GetByRole(AriaRole.Link, new() { Name = "HAFNIUM", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/actors/hafnium$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "HAFNIUM", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Also known as" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Silk Typhoon (coined by Microsoft)")).ToBeVisibleAsync();
        await Expect(page.GetByText("operates for Ministry of State Security")).ToBeVisibleAsync();

        var naming = page.GetByRole(AriaRole.Table);
        var incidentLink = naming.GetByRole(AriaRole.Link).Filter(new() { HasText = "Exchange" }).First;
        var incidentName = (await incidentLink.InnerTextAsync()).Trim();
        await incidentLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/incidents/[a-z0-9-]+$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = incidentName, Level = 1 })).ToBeVisibleAsync();
        var ncscRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "National Cyber Security Centre" });
        await Expect(ncscRow.First).ToContainTextAsync("highly likely");

        await ncscRow.First.GetByRole(AriaRole.Link, new() { Name = "National Cyber Security Centre" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/parties/[a-z0-9-]+$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "National Cyber Security Centre", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statements" })).ToBeVisibleAsync();
        var statements = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });
        await Expect(statements.Filter(new() { HasText = "highly likely" })).ToHaveCountAsync(1);
        var ncscLink = page.GetByRole(AriaRole.Link, new() { Name = "National Cyber Security Centre", Exact = true });
        await Expect(statements.Filter(new() { HasNot = ncscLink })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_reader_goes_from_the_home_page_to_HAFNIUM_to_the_Exchange_incident_to_the_UK_statement_in_its_source()
    {
        await using var session = await browser.OpenAsync(nameof(A_reader_goes_from_the_home_page_to_HAFNIUM_to_the_Exchange_incident_to_the_UK_statement_in_its_source));
        var page = session.Page;

        await page.GotoAsync("/");
        await session.ArrivedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "HAFNIUM", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/actors/hafnium$"));
        await session.ArrivedAsync();

        // The actor's incidents: the Exchange compromise, with who attributed it.
        var exchange = page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Microsoft Exchange" }).First;
        var incidentName = (await exchange.InnerTextAsync()).Trim();
        await exchange.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/incidents/[a-z0-9-]+$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = incidentName, Level = 1 })).ToBeVisibleAsync();

        // The UK's statement in the table, and its quote as the link into the source.
        var ukRow = page.Locator("table.statements tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "United Kingdom", Exact = true }) });
        await Expect(ukRow).ToHaveCountAsync(1);
        await Expect(ukRow).ToContainTextAsync("attribution");
        var quote = (await ukRow.Locator("td.quote q").InnerTextAsync()).Trim('“', '”', '"', ' ');
        var quoteLink = ukRow.Locator("td.quote a");
        await quoteLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sources/[0-9]+#s[0-9]+$"));
        await session.ArrivedAsync();

        // The sentence is the page's target: marked, outlined, and scrolled into view.
        var target = page.Locator("mark.statement-span:target, mark.statement-span:has(> span:target)");
        await Expect(target).ToHaveCountAsync(1);
        await Expect(target).ToContainTextAsync(quote[..40]);
        await Expect(target).ToBeInViewportAsync();
        Assert.NotEqual("none", await target.EvaluateAsync<string>("m => getComputedStyle(m).outlineStyle"));
    }

    [Fact]
    public async Task Tabbing_from_the_top_of_the_home_page_reaches_the_first_actor_in_the_statements_and_Enter_opens_it()
    {
        await using var session = await browser.OpenAsync(nameof(Tabbing_from_the_top_of_the_home_page_reaches_the_first_actor_in_the_statements_and_Enter_opens_it));
        var page = session.Page;
        await page.GotoAsync("/");
        await session.ArrivedAsync();
        var firstActor = page.GetByRole(AriaRole.Table).Locator("tbody a[href^='/actors/']").First;
        var actorName = (await firstActor.InnerTextAsync()).Trim();
        var actorHref = await firstActor.GetAttributeAsync("href");

        // Only the keyboard from here on: the header's links and the first row's party links come first.
        var reached = false;
        for (var presses = 0; presses < 40 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await firstActor.EvaluateAsync<bool>("link => link === document.activeElement");
        }

        Assert.True(reached, $"40 presses of Tab did not reach the actor link {actorName}");
        await Expect(firstActor).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(actorHref!) + "$"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = actorName, Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_home_page_does_not_scroll_sideways()
    {
        await using var session = await browser.OpenAsync(nameof(On_a_phone_the_home_page_does_not_scroll_sideways), new ViewportSize { Width = 375, Height = 800 });
        var page = session.Page;
        await page.GotoAsync("/");
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Table).First).ToBeAttachedAsync();

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");

        if (scrollWidth > clientWidth + 1)
        {
            var culprits = await TooWideAsync(page);
            var problem = $"the page is {scrollWidth}px wide in a {clientWidth}px window; sticking out: {string.Join(", ", culprits)}";
            Assert.Fail(problem);
        }
    }

    /// <summary>
    /// The outermost elements, or their text, that stick out to the right of the window (content clipped by a
    /// scrolling box such as .table-responsive does not count), to name the culprit in a failure.
    /// </summary>
    private static Task<string[]> TooWideAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const width = document.documentElement.clientWidth;
            const clipped = e => {
                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX !== 'visible') return true;
                }
                return false;
            };
            const right = e => getComputedStyle(e).overflowX !== 'visible'
                ? e.getBoundingClientRect().right
                : Math.max(e.getBoundingClientRect().right, e.getBoundingClientRect().left + e.scrollWidth);
            const wide = [...document.body.querySelectorAll('*')].filter(e => right(e) > width + 1 && !clipped(e));
            return wide.filter(e => !wide.includes(e.parentElement))
                .map(e => `<${e.tagName.toLowerCase()}${e.className ? ` class="${e.className}"` : ''}> to ${Math.round(right(e))}px`);
        }
        """);
}
