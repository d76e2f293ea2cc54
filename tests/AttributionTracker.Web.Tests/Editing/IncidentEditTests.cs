using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Tests.Editing;

public sealed class IncidentEditTests
{
    private const string Finland = "/incidents/ataque-al-parlamento-de-finlandia";

    [Fact]
    public async Task An_editor_renames_an_incident_adds_an_alias_and_a_victim_and_the_address_stays()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);

        var saved = await EditForm.PostAsync(editor, Finland + "/edit", new()
        {
            ["Input.Name"] = "Attack on the Finnish parliament",
            ["Input.Start"] = "late 2020",
            ["Input.Aliases[2].Name"] = "Eduskunta hack",
            ["Input.Aliases[2].Language"] = "en",
            ["Input.Victims[1].Name"] = "Parliament of Finland (Eduskunta)",
            ["Input.Victims[1].State"] = "FI",
            ["Input.Summary"] = "Accounts of **MPs** were compromised.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Finland, saved.Headers.Location?.OriginalString);
        var page = await HtmlPage.GetAsync(app.Client(), Finland);
        Assert.Equal("Attack on the Finnish parliament", page.Text("h1"));
        Assert.Contains("Eduskunta hack", page.Text(".incident-facts"), StringComparison.Ordinal);
        Assert.Contains("Parliament of Finland (Eduskunta)", page.Text(".incident-facts"), StringComparison.Ordinal);
        Assert.Contains("late 2020", page.Text(".incident-when"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_incident_is_created_with_a_slug_from_its_name()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);

        var saved = await EditForm.PostAsync(editor, "/incidents/new", new()
        {
            ["Input.Name"] = "SolarWinds Orion supply-chain compromise",
            ["Input.Type"] = nameof(IncidentType.Espionage),
            ["Input.Start"] = "2020-03",
            ["Input.End"] = "2020-12-13",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/incidents/solarwinds-orion-supply-chain-compromise", saved.Headers.Location?.OriginalString);
        var page = await HtmlPage.GetAsync(app.Client(), "/incidents/solarwinds-orion-supply-chain-compromise");
        Assert.Equal("SolarWinds Orion supply-chain compromise", page.Text("h1"));
        Assert.Contains("March 2020 – 13 December 2020", page.Text(".incident-when"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_dates_an_empty_name_and_a_duplicate_alias_are_reported_beside_their_fields_and_nothing_is_saved()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);

        var response = await EditForm.PostAsync(editor, Finland + "/edit", new()
        {
            ["Input.Name"] = "",
            ["Input.Start"] = "2021-02-30",
            ["Input.End"] = "2019",
            ["Input.Aliases[0].Name"] = "Same name",
            ["Input.Aliases[1].Name"] = "SAME  name",
            ["Input.Victims[0].State"] = "XX",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Parse(response);
        Assert.Contains("Give the incident a name", page.Message("Input.Name"), StringComparison.Ordinal);
        Assert.Contains("not a real date", page.Message("Input.Start"), StringComparison.Ordinal);
        Assert.Contains("already an alias", page.Message("Input.Aliases[1].Name"), StringComparison.Ordinal);
        Assert.Contains("not a state", page.Message("Input.Victims[0].State"), StringComparison.Ordinal);
        Assert.Equal("2021-02-30", page.Document.QuerySelector<IHtmlInputElement>("#Input_Start")!.Value);

        var startAfterEnd = await EditForm.PostAsync(editor, Finland + "/edit", new() { ["Input.Start"] = "2021-03", ["Input.End"] = "2021-02-28" });
        Assert.Contains("cannot be before the start", (await Parse(startAfterEnd)).Message("Input.End"), StringComparison.Ordinal);

        var unchanged = await HtmlPage.GetAsync(app.Client(), Finland);
        Assert.NotEqual("", unchanged.Text("h1"));
        Assert.DoesNotContain("Same name", unchanged.Text(".incident-facts"), StringComparison.Ordinal);
    }

    internal static async Task<HtmlPage> Parse(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);
        return new HtmlPage(response.StatusCode, document);
    }
}
