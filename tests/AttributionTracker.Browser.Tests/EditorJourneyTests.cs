using AttributionTracker.Web.Tests;
using System.Text.RegularExpressions;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttributionTracker.Browser.Tests;

/// <summary>The editor's journey of issue 5, in a real browser.</summary>
public sealed class EditorJourneyTests(BrowserFixture browser)
{
    private const string Password = TestAccounts.Password;
    private const string Incident = "Explotación de unos 250.000 servidores Microsoft Exchange";

    [Fact]
    public async Task An_editor_adds_an_attribution_by_a_new_party_sees_it_edits_it_sees_the_history_and_signed_out_is_refused_the_form()
    {
        var email = await AddEditorAsync();
        await using var session = await browser.OpenAsync(nameof(An_editor_adds_an_attribution_by_a_new_party_sees_it_edits_it_sees_the_history_and_signed_out_is_refused_the_form));
        var page = session.Page;

        // Sign in.
        await page.GotoAsync("/account/login");
        await session.ArrivedAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(email);
        await session.ArrivedAsync();

        // A new attribution: Australia, 19 July 2021, accusing the Ministry of State Security of the Exchange compromise.
        await page.GotoAsync("/statements/new");
        await session.ArrivedAsync();
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Attribution" });
        await page.GetByLabel("Party (the lead)").FillAsync("Australia");
        await page.GetByLabel("Accused actor").FillAsync("Ministry of State Security");
        await page.GetByLabel("Incident", new() { Exact = true }).FillAsync(Incident);
        await page.GetByLabel("Confidence", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "almost certain" });
        await page.GetByLabel("In the party's words").FillAsync("almost certain");
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2021-07-19");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the statement" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        // The seed has Australian agencies but no party "Australia": the form offers them, and to create it.
        var create = page.GetByLabel("Create a new party named “Australia”");
        if (await create.CountAsync() > 0)
        {
            await session.ArrivedAsync();
            await Expect(page.GetByText("No party is called “Australia”")).ToBeVisibleAsync();
            await create.CheckAsync();
            await page.GetByLabel("Kind of new party").SelectOptionAsync(new SelectOptionValue { Label = "government" });
            await page.GetByLabel("State it speaks for").SelectOptionAsync(new SelectOptionValue { Label = "Australia" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the statement" }).ClickAsync();
        }

        await Expect(page).ToHaveURLAsync(new Regex("/statements/[0-9]+$"));
        await session.ArrivedAsync();
        var statementUrl = page.Url;
        await Expect(page.Locator("#parties")).ToHaveTextAsync("Australia");
        await Expect(page.Locator("#accused-actor")).ToHaveTextAsync("Ministry of State Security");
        await Expect(page.Locator("#confidence")).ToContainTextAsync("almost certain");
        await Expect(page.Locator("#date")).ToContainTextAsync("19 July 2021");

        // On the incident's timeline and in its table.
        await page.Locator("#incident").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Incident, Level = 1 })).ToBeVisibleAsync();
        await session.ArrivedAsync();
        await Expect(page.Locator("figure.timeline svg text.label").Filter(new() { HasText = "Australia" })).ToHaveCountAsync(1);
        var row = page.Locator("table.statements tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Australia", Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("almost certain");

        // On the actor's page (its slug: the organ's name).
        await row.GetByRole(AriaRole.Link, new() { Name = "Ministry of State Security" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/actors/ministry-of-state-security$"));
        await session.ArrivedAsync();
        await Expect(page.Locator("#incidents").GetByRole(AriaRole.Link, new() { Name = "Australia", Exact = true })).ToBeVisibleAsync();

        // Edit it: the party's words, more exactly.
        await page.GotoAsync(statementUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/statements/[0-9]+/edit$"));
        await session.ArrivedAsync();
        await Expect(page.GetByLabel("Party (the lead)")).ToHaveValueAsync("Australia");
        await page.GetByLabel("In the party's words").FillAsync("almost certainly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(statementUrl);
        await session.ArrivedAsync();
        await Expect(page.Locator("#confidence")).ToContainTextAsync("almost certainly");

        // The change in its history: who, and the words before and after.
        var latest = page.Locator(".record-history .history-entry").First;
        await Expect(latest).ToContainTextAsync(email);
        await Expect(latest).ToContainTextAsync("changed");
        await Expect(latest.Locator("del")).ToHaveTextAsync("almost certain");
        await Expect(latest.Locator("ins")).ToHaveTextAsync("almost certainly");

        // Signed out, the edit form is refused: the sign-in page instead.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveCountAsync(0);
        await page.GotoAsync(statementUrl + "/edit");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl="));
        await session.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync(statementUrl);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);
    }

    private Task<string> AddEditorAsync() => browser.Services.AddAccountAsync(Roles.Editor);
}
