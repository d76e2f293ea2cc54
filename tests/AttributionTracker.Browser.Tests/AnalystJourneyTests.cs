using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests;

/// <summary>An analyst narrows the incidents down, downloads them, and reaches the same list from the home page's matrix.</summary>
public sealed class AnalystJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Incidents_blamed_on_China_at_least_highly_likely_are_the_same_from_the_filters_the_matrix_and_the_CSV()
    {
        await using var session = await browser.OpenAsync(nameof(Incidents_blamed_on_China_at_least_highly_likely_are_the_same_from_the_filters_the_matrix_and_the_CSV));
        var page = session.Page;

        await page.GotoAsync("/incidents");
        await session.ArrivedAsync();
        await page.GetByLabel("Accused state").SelectOptionAsync(new SelectOptionValue { Label = "China" });
        await page.GetByLabel("Confidence comparison").SelectOptionAsync(new SelectOptionValue { Label = "at least" });
        await page.GetByLabel("Confidence level").SelectOptionAsync(new SelectOptionValue { Label = "highly likely" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("accused=CN.*conf=highly-likely"));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Active filters" })).ToContainTextAsync("accused state is China");
        var filtered = await IncidentNamesAsync(page);
        Assert.Equal(2, filtered.Count);
        Assert.Contains(filtered, n => n.Contains("Exchange", StringComparison.Ordinal));
        Assert.Contains(filtered, n => n.Contains("Finlandia", StringComparison.Ordinal));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal("incidents_accused-CN_conf-highly-likely.csv", download.SuggestedFilename);
        var csv = await ReadTitleColumnAsync(download);
        Assert.Equal(filtered, csv);

        await page.GotoAsync("/");
        await session.ArrivedAsync();
        await page.GetByLabel("Minimum confidence").SelectOptionAsync(new SelectOptionValue { Label = "at least highly likely" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Update the matrix" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("conf=highly-likely"));
        await session.ArrivedAsync();
        var matrix = page.GetByRole(AriaRole.Table).Filter(new() { Has = page.Locator("caption", new() { HasText = "accusing state" }) });
        await Expect(matrix.GetByRole(AriaRole.Columnheader, new() { Name = "China" })).ToBeVisibleAsync();
        await matrix.GetByRole(AriaRole.Link, new() { Name = "attributed by United Kingdom to China" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/incidents\\?.*accuser=GB"));
        await session.ArrivedAsync();
        Assert.Equal(filtered, await IncidentNamesAsync(page));
    }

    [Fact]
    public async Task On_a_phone_the_filtered_list_does_not_scroll_sideways()
    {
        await using var session = await browser.OpenAsync(nameof(On_a_phone_the_filtered_list_does_not_scroll_sideways), new ViewportSize { Width = 375, Height = 800 });
        var page = session.Page;
        await page.GotoAsync("/incidents?accused=CN");
        await session.ArrivedAsync();
        await Expect(page.Locator("table.incidents")).ToBeAttachedAsync();

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");

        Assert.True(scrollWidth <= clientWidth + 1, $"the page is {scrollWidth}px wide in a {clientWidth}px window");
    }

    private static async Task<List<string>> IncidentNamesAsync(IPage page)
    {
        var names = await page.Locator("table.incidents tbody tr th a").AllInnerTextsAsync();
        return [.. names.Select(n => n.Trim())];
    }

    private static async Task<List<string>> ReadTitleColumnAsync(IDownload download)
    {
        var path = await download.PathAsync();
        using var reader = CsvReader.Create(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken), CsvReaderOptions.Default with { Separator = ',' });
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString("Title") ?? "");
        }

        return names;
    }
}
