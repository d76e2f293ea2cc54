using System.Net;
using AttributionTracker.Domain;
using AttributionTracker.Web.Tests.Statements;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Tests.Api.Write;

/// <summary>Statements written through the JSON API with a token: the statement form's rules, history and conflicts.</summary>
[Collection(nameof(WriteApiCollection))]
public sealed class StatementWriteTests(WriteApiApp fixture)
{
    private readonly AttributionWebFactory app = fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<object> AttributionAsync(string quote, int? version = null)
    {
        var incident = await app.ExchangeIncidentAsync();
        return new
        {
            kind = "attribution",
            parties = new[] { await app.PartySlugAsync("National Cyber Security Centre"), await app.PartySlugAsync("Government Communications Headquarters") },
            incident = incident.Slug,
            accusedActor = await app.ActorSlugAsync("HAFNIUM"),
            accusedState = "CN",
            confidence = new { level = "highly-likely", wording = "highly likely" },
            date = "early 2021-03",
            quote,
            notes = "Entered by a **script**.",
            version,
        };
    }

    [Fact]
    public async Task A_statement_posted_with_a_token_is_saved_shows_on_its_incident_page_and_its_history_names_the_token_owner()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var incident = await app.ExchangeIncidentAsync();

        using var response = await app.BearerClient(holder.Secret).PostJsonAsync("/api/v1/statements", await AttributionAsync("The NCSC judges it highly likely."));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        var id = json.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/statements/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Equal($"/statements/{id}", json.GetProperty("links").GetProperty("html").GetString());

        var saved = await app.StatementAsync(id);
        Assert.Equal(["National Cyber Security Centre", "Government Communications Headquarters"], saved.Parties.OrderBy(p => p.Position).Select(p => p.Party!.Name));
        Assert.Equal(ConfidenceLevel.HighlyLikely, saved.Confidence.Level);
        Assert.Equal("early 2021-03", saved.Date!.ToString());
        Assert.Equal("CN", saved.AccusedStateCode?.Value);
        Assert.Equal(holder.Email, saved.UpdatedBy);

        var page = await HtmlPage.GetAsync(app.Client(), $"/incidents/{incident.Slug}");
        Assert.Contains("The NCSC judges it highly likely.", page.Text($"#statement-{id}"), StringComparison.Ordinal);

        var history = await HtmlPage.GetAsync(app.Client(), $"/statements/{id}");
        Assert.Contains(holder.Email, history.Text(".record-history"), StringComparison.Ordinal);
        var by = await app.QueryAsync(db => db.RecordChanges.Where(c => c.OwnerType == nameof(AttributionStatement) && c.OwnerId == id).Select(c => c.By).Distinct().ToListAsync(Ct));
        Assert.Equal([holder.Email], by);
    }

    [Fact]
    public async Task Every_wrong_field_is_listed_by_its_json_name_and_nothing_is_written()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var before = await app.CountsAsync();

        using var response = await app.BearerClient(holder.Secret).PostJsonAsync("/api/v1/statements", new
        {
            kind = "attribution",
            parties = new[] { "no-such-party-anywhere" },
            accusedActor = "no-such-actor-anywhere",
            accusedState = "XX",
            confidence = new { level = "pretty-sure" },
            date = "2021-02-30",
            sourceId = 987654,
            answers = new[] { 987654 },
        });

        var errors = await response.ErrorsAsync();
        Assert.Contains("no-such-party-anywhere", errors["parties[0]"], StringComparison.Ordinal);
        Assert.Contains("no-such-actor-anywhere", errors["accusedActor"], StringComparison.Ordinal);
        Assert.True(errors.ContainsKey("accusedState"));
        Assert.True(errors.ContainsKey("confidence.level"));
        Assert.Contains("not a real date", errors["date"], StringComparison.Ordinal);
        Assert.Contains("987654", errors["sourceId"], StringComparison.Ordinal);
        Assert.Contains("987654", errors["answers"], StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task An_attribution_without_parties_or_accused_and_a_missing_kind_are_refused_with_the_form_s_reasons()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var client = app.BearerClient(holder.Secret);

        var noOne = await (await client.PostJsonAsync("/api/v1/statements", new { kind = "Attribution", quote = "Someone did it." })).ErrorsAsync();
        var noKind = await (await client.PostJsonAsync("/api/v1/statements", new { quote = "Someone did it." })).ErrorsAsync();

        Assert.Contains("at least one party", noOne["parties[0]"], StringComparison.Ordinal);
        Assert.Contains("name the actor, the state, or both", noOne["accusedActor"], StringComparison.Ordinal);
        Assert.Contains("Attribution, Denial", noKind["kind"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replacement_at_the_stored_version_is_saved_and_one_at_an_older_version_gets_409_and_changes_nothing()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var client = app.BearerClient(holder.Secret);
        using var created = await client.PostJsonAsync("/api/v1/statements", await AttributionAsync("First words."));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();

        using var replaced = await client.PutJsonAsync($"/api/v1/statements/{id}", await AttributionAsync("Second words.", version: 1));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(2, (await replaced.JsonAsync()).GetProperty("version").GetInt32());

        using var stale = await client.PutJsonAsync($"/api/v1/statements/{id}", await AttributionAsync("Third words.", version: 1));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await stale.JsonAsync()).GetProperty("currentVersion").GetInt32());
        var stored = await app.StatementAsync(id);
        Assert.Equal("Second words.", stored.Quote);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task A_replacement_without_a_version_or_of_an_unknown_statement_is_refused()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var client = app.BearerClient(holder.Secret);
        using var created = await client.PostJsonAsync("/api/v1/statements", await AttributionAsync("Words kept."));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();

        var errors = await (await client.PutJsonAsync($"/api/v1/statements/{id}", await AttributionAsync("Words lost."))).ErrorsAsync();
        using var unknown = await client.PutJsonAsync("/api/v1/statements/987654", await AttributionAsync("Words.", version: 1));

        Assert.Contains("version 1", errors["version"], StringComparison.Ordinal);
        Assert.Equal("Words kept.", (await app.StatementAsync(id)).Quote);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_retraction_needs_a_reason_and_is_recorded_with_it_under_the_token_owner()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var client = app.BearerClient(holder.Secret);
        using var created = await client.PostJsonAsync("/api/v1/statements", await AttributionAsync("Words to withdraw."));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();

        var noReason = await (await client.PostJsonAsync($"/api/v1/statements/{id}/retract", new { reason = " " })).ErrorsAsync();
        Assert.Null((await app.StatementAsync(id)).RetractedAt);

        using var retracted = await client.PostJsonAsync($"/api/v1/statements/{id}/retract", new { reason = "Entered twice." });
        var again = await (await client.PostJsonAsync($"/api/v1/statements/{id}/retract", new { reason = "Entered twice." })).ErrorsAsync();

        Assert.True(noReason.ContainsKey("reason"));
        Assert.Equal(HttpStatusCode.OK, retracted.StatusCode);
        var stored = await app.StatementAsync(id);
        Assert.Equal(holder.Email, stored.RetractedBy);
        Assert.Equal("Entered twice.", stored.RetractionReason);
        Assert.Contains("already retracted", again["id"], StringComparison.Ordinal);
        var reasons = await app.QueryAsync(db => db.RecordChanges.Where(c => c.OwnerType == nameof(AttributionStatement) && c.OwnerId == id && c.Reason != null).Select(c => new { c.By, c.Reason }).ToListAsync(Ct));
        Assert.Contains(reasons, r => r.By == holder.Email && r.Reason == "Entered twice.");
    }

    [Theory]
    [InlineData("{\"kind\": \"attribution\", ", "not valid JSON")]
    [InlineData("[1, 2]", "not valid JSON")]
    [InlineData("{\"kind\": \"attribution\", \"qoute\": \"typo\"}", "qoute")]
    [InlineData("{\"kind\": \"attribution\", \"sourceId\": \"twelve\"}", "sourceId")]
    public async Task A_body_that_is_not_the_expected_json_gets_a_400_problem_saying_so(string body, string expected)
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var before = await app.CountsAsync();

        using var response = await app.BearerClient(holder.Secret).PostRawAsync("/api/v1/statements", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Contains(expected, problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_body_sent_as_something_other_than_json_gets_a_415_problem_not_the_html_status_page()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        var before = await app.CountsAsync();

        using var response = await app.BearerClient(holder.Secret).PostAsync(
            "/api/v1/statements", new StringContent("{\"kind\": \"attribution\"}", System.Text.Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.CountsAsync());
    }
}
