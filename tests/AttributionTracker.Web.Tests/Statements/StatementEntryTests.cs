using System.Net;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Tests.Statements;

/// <summary>Entering a statement through the form, with names resolved by the server (no script).</summary>
[Collection(nameof(EditingCollection))]
public sealed class StatementEntryTests(EditingApp editing)
{
    private readonly AttributionWebFactory app = editing.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_attribution_by_a_new_party_is_created_with_the_party_in_one_submit()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var incident = await app.ExchangeIncidentAsync();
        var partyName = $"Testland {Guid.NewGuid():N}"[..20];

        // First submit: the name finds no party, so the form comes back offering to create it.
        var form = await WebForm.OpenAsync(client, "/statements/new");
        form.Set("Input.Kind", nameof(StatementKind.Attribution))
            .Set("Input.Parties[0].Name", partyName)
            .Set("Input.AccusedActor.Name", "hafnio")
            .Set("Input.Incident.Name", incident.Name)
            .Set("Input.Confidence", "almost-certain")
            .Set("Input.ConfidenceWording", "almost certainly")
            .Set("Input.Date", "2021-07-19");
        var offered = await form.PostForPageAsync(client, "/statements/new");
        Assert.Equal(HttpStatusCode.OK, offered.Status);
        Assert.Contains("No party is called", offered.ErrorFor("Input.Parties[0].Name"), StringComparison.Ordinal);
        Assert.NotNull(offered.Document.QuerySelector("input[name='Input.Parties[0].CreateNew']"));
        Assert.False(await app.QueryAsync(db => db.Parties.AnyAsync(p => p.Name == partyName, Ct)));

        // Second: create it, as a government speaking for Australia.
        var again = WebForm.From(offered)
            .Set("Input.Parties[0].CreateNew", "true")
            .Set("Input.Parties[0].NewKind", nameof(PartyKind.Government))
            .Set("Input.Parties[0].NewState", "AU");
        var response = await again.PostAsync(client, "/statements/new");
        var id = StatementStore.IdFromLocation(response);

        var saved = await app.StatementAsync(id);
        var party = Assert.Single(saved.Parties).Party!;
        Assert.Equal(partyName, party.Name);
        Assert.Equal(PartyKind.Government, party.Kind);
        Assert.Equal("AU", party.StateCode?.Value);
        Assert.Equal(incident.Id, saved.IncidentId);
        Assert.Equal(ConfidenceLevel.AlmostCertain, saved.Confidence.Level);
        Assert.Equal("almost certainly", saved.Confidence.Wording);
        Assert.Equal(PartialDate.OfDay(2021, 7, 19), saved.Date);
        var hafnium = await app.QueryAsync(db => db.Actors.Where(a => a.Name == "HAFNIUM").Select(a => a.Id).SingleAsync(Ct));
        Assert.Equal(hafnium, saved.AccusedActorId);

        var page = await HtmlPage.GetAsync(client, $"/statements/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(partyName, page.Text("#parties"), StringComparison.Ordinal);
        Assert.Contains("almost certain", page.Text("#confidence"), StringComparison.Ordinal);
        Assert.Contains("created", page.Text(".record-history"), StringComparison.Ordinal);
        Assert.Contains($"added party party: {partyName}", page.Text(".record-history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_statement_started_from_an_incident_has_the_incident_filled_in_and_its_statements_to_answer()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var incident = await app.ExchangeIncidentAsync();

        var page = await HtmlPage.GetAsync(client, $"/statements/new?incident={incident.Slug}");

        Assert.Equal(incident.Name, page.Document.QuerySelector("input[name='Input.Incident.Name']")!.GetAttribute("value"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("input[name='Input.Answers']"));
    }

    [Fact]
    public async Task Statement_rows_link_to_the_statement_page_and_readers_see_no_edit_buttons_there()
    {
        var client = app.Client();
        var incident = await app.ExchangeIncidentAsync();
        var incidentPage = await HtmlPage.GetAsync(client, $"/incidents/{incident.Slug}");
        var link = incidentPage.Document.QuerySelector("table.statements tbody tr td a[href^='/statements/']")!;

        var page = await HtmlPage.GetAsync(client, link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(incident.Name, page.Text("#incident"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(".statement-actions"));
        Assert.NotNull(page.Document.QuerySelector(".record-history"));
    }
}
