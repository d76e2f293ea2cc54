using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests.HostileMarkup;

/// <summary>
/// Issue 8: every payload of the corpus, stored in every text field an editor or an import can fill, is shown as inert
/// text on every page that shows it, in the edit forms, and as a search query or filter value. Each page template is
/// visited once per payload group (<see cref="HostileMarkupApp.Groups"/>), with all of the group's payloads on it.
/// </summary>
[Collection(HostileMarkupCollection.Name)]
public sealed class HostileMarkupPageTests(HostileMarkupApp app)
{
    private static IReadOnlyList<PayloadGroup> Groups => HostileMarkupApp.Groups;

    [Fact]
    public async Task Every_payload_is_shown_as_inert_text_on_the_pages_that_show_it()
    {
        await using var session = await app.OpenAsync(nameof(Every_payload_is_shown_as_inert_text_on_the_pages_that_show_it));
        var inspection = await PageInspection.StartAsync(session.Page);
        foreach (var url in new[] { "/", "/incidents", "/incidents?sort=latest", "/actors", "/parties", "/sources", "/states/NZ", "/api" })
        {
            await inspection.VisitAsync(url);
        }

        foreach (var g in Groups)
        {
            var r = app.Records[g.Number];
            foreach (var url in new[] { $"/incidents/{r.Incident}", $"/actors/{r.Actor}", $"/parties/{r.Party}", $"/sources/{r.Source}", $"/statements/{r.Statement}" })
            {
                await inspection.VisitAsync(url);
                var missing = await inspection.NotShownAsync(g.Payloads);
                Assert.True(missing.Count == 0, $"{url} does not show these payloads of group {g.Number} as text: {string.Join(" | ", missing)}");
            }
        }

        await session.ArrivedAsync();
    }

    [Fact]
    public async Task Every_payload_is_inert_in_the_edit_forms_of_a_signed_in_editor()
    {
        await using var session = await app.OpenAsync(nameof(Every_payload_is_inert_in_the_edit_forms_of_a_signed_in_editor));
        var page = session.Page;
        var inspection = await PageInspection.StartAsync(page);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(app.EditorEmail);
        await page.GetByLabel("Password").FillAsync(Web.Tests.TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(app.EditorEmail);

        foreach (var g in Groups)
        {
            var r = app.Records[g.Number];
            foreach (var url in new[] { $"/incidents/{r.Incident}/edit", $"/actors/{r.Actor}/edit", $"/parties/{r.Party}/edit", $"/sources/{r.Source}/edit", $"/statements/{r.Statement}/edit" })
            {
                await inspection.VisitAsync(url);
                var missing = await inspection.NotShownAsync(g.Payloads);
                Assert.True(missing.Count == 0, $"{url} does not hold these payloads of group {g.Number} in its fields: {string.Join(" | ", missing)}");
            }
        }

        await session.ArrivedAsync();
    }

    [Fact]
    public async Task Every_payload_is_inert_as_a_search_query_and_as_a_filter_value()
    {
        await using var session = await app.OpenAsync(nameof(Every_payload_is_inert_as_a_search_query_and_as_a_filter_value));
        var inspection = await PageInspection.StartAsync(session.Page);
        foreach (var g in Groups)
        {
            var value = Uri.EscapeDataString(g.Text);
            await inspection.VisitAsync($"/search?q={value}");
            await inspection.VisitAsync($"/incidents?q={value}");
            await inspection.VisitAsync($"/incidents?actor={value}&by={value}&accuser={value}&year={value}&conf={value}&sort={value}");
        }

        await session.ArrivedAsync();
    }

    [Fact]
    public async Task The_policy_stops_an_inline_script_injected_into_a_page_showing_payloads()
    {
        await using var session = await app.OpenAsync(nameof(The_policy_stops_an_inline_script_injected_into_a_page_showing_payloads));
        var page = session.Page;
        var response = await page.GotoAsync($"/incidents/{app.Records[0].Incident}");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);

        // As a payload that slipped through would arrive: a script element with inline text.
        var directive = await page.EvaluateAsync<string>("""
            () => new Promise(resolve => {
                document.addEventListener('securitypolicyviolation', e => resolve(e.effectiveDirective));
                const script = document.createElement('script');
                script.textContent = 'window.__xss = 1;';
                document.body.appendChild(script);
            })
            """);

        Assert.StartsWith("script-src", directive, StringComparison.Ordinal);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => String(window.__xss)"));
        await session.ArrivedAsync();
    }
}
