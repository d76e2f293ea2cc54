using System.Net;
using System.Text.Json;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Tests.Statements;

/// <summary>Bad input comes back beside its field, with nothing written.</summary>
[Collection(nameof(EditingCollection))]
public sealed class StatementValidationTests(EditingApp editing)
{
    private readonly AttributionWebFactory app = editing.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_attribution_without_a_party_or_anyone_accused_is_refused_with_a_message_beside_each_field()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var quote = $"Some words worth keeping {Guid.NewGuid():N}";

        var page = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Kind", nameof(StatementKind.Attribution))
            .Set("Input.Quote", quote)
            .PostForPageAsync(client, "/statements/new");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("at least one party", page.ErrorFor("Input.Parties[0].Name"), StringComparison.Ordinal);
        Assert.Contains("name the actor, the state, or both", page.ErrorFor("Input.AccusedActor.Name"), StringComparison.Ordinal);
        Assert.Equal(quote, page.Document.QuerySelector("textarea[name='Input.Quote']")!.TextContent.Trim());
        Assert.False(await app.QueryAsync(db => db.Statements.AnyAsync(s => s.Quote == quote, Ct)));
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("19/07/2021")]
    [InlineData("early 2021-07-19")]
    public async Task A_date_that_is_not_a_real_date_gets_a_message_beside_the_date(string date)
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var quote = Guid.NewGuid().ToString("N");

        var page = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Parties[0].Name", "National Cyber Security Centre")
            .Set("Input.AccusedActor.Name", "HAFNIUM")
            .Set("Input.Date", date)
            .Set("Input.Quote", quote)
            .PostForPageAsync(client, "/statements/new");

        Assert.Contains("is not a real date", page.ErrorFor("Input.Date"), StringComparison.Ordinal);
        Assert.Null(page.ErrorFor("Input.Parties[0].Name"));
        Assert.False(await app.QueryAsync(db => db.Statements.AnyAsync(s => s.Quote == quote, Ct)));
    }

    [Theory]
    [InlineData("2021-07-19", DatePrecision.Day)]
    [InlineData("2021-07", DatePrecision.Month)]
    [InlineData("early 2021", DatePrecision.EarlyYear)]
    [InlineData("2021", DatePrecision.Year)]
    public async Task A_date_keeps_the_precision_it_was_given(string date, DatePrecision precision)
    {
        var client = await app.SignedInClientAsync(Roles.Editor);

        var response = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Parties[0].Name", "National Cyber Security Centre")
            .Set("Input.AccusedActor.Name", "HAFNIUM")
            .Set("Input.Date", date)
            .PostAsync(client, "/statements/new");

        var saved = await app.StatementAsync(StatementStore.IdFromLocation(response));
        Assert.Equal(precision, saved.Date!.Precision);
    }

    [Fact]
    public async Task A_denial_that_names_neither_an_incident_nor_what_it_answers_is_refused()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var quote = Guid.NewGuid().ToString("N");

        var page = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Kind", nameof(StatementKind.Denial))
            .Set("Input.AccusedState", "CN")
            .Set("Input.Quote", quote)
            .PostForPageAsync(client, "/statements/new");

        Assert.Contains("A denial names the incident", page.ErrorFor("Input.Incident.Name"), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Statements.AnyAsync(s => s.Quote == quote, Ct)));
    }

    [Fact]
    public async Task A_denial_that_answers_statements_by_number_is_saved_with_them()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var answered = await app.QueryAsync(db => db.Statements.Where(s => s.Kind == StatementKind.Attribution).OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync(Ct));

        var response = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Kind", nameof(StatementKind.Denial))
            .Set("Input.AccusedState", "CN")
            .Set("Input.AnswersOther", string.Join(", ", answered))
            .PostAsync(client, "/statements/new");

        var saved = await app.StatementAsync(StatementStore.IdFromLocation(response));
        Assert.Equal(answered, saved.Answers.Select(a => a.AnsweredStatementId).Order());
        var page = await HtmlPage.GetAsync(client, $"/statements/{answered[0]}");
        Assert.Contains(page.Links($"/statements/{saved.Id}"), a => a.Closest("#answered-by") is not null);
    }

    [Fact]
    public async Task Answering_a_statement_that_does_not_exist_is_refused_beside_the_numbers()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);

        var page = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Kind", nameof(StatementKind.Denial))
            .Set("Input.AnswersOther", "999999")
            .PostForPageAsync(client, "/statements/new");

        Assert.Contains("no statement number 999999", page.ErrorFor("Input.AnswersOther"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_without_a_span_is_found_in_the_source_and_a_span_that_reads_otherwise_is_refused()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var source = await app.QueryAsync(db => db.Sources.OrderBy(s => s.Id).Select(s => new { s.Id, s.Text }).FirstAsync(Ct));
        var quote = source.Text.Substring(100, 60).Trim();
        var start = source.Text.IndexOf(quote, StringComparison.Ordinal);

        var found = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Parties[0].Name", "National Cyber Security Centre")
            .Set("Input.AccusedState", "CN")
            .Set("Input.Quote", quote)
            .Set("Input.Source.Name", $"#{source.Id}")
            .PostAsync(client, "/statements/new");
        var saved = await app.StatementAsync(StatementStore.IdFromLocation(found));
        Assert.Equal((start, start + quote.Length), (saved.SpanStart, saved.SpanEnd));
        Assert.Equal(source.Id, saved.SourceId);

        var mismatch = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Parties[0].Name", "National Cyber Security Centre")
            .Set("Input.AccusedState", "CN")
            .Set("Input.Quote", quote)
            .Set("Input.Source.Name", $"#{source.Id}")
            .Set("Input.SpanStart", "0")
            .Set("Input.SpanEnd", "40")
            .PostForPageAsync(client, "/statements/new");
        Assert.Contains("does not match the source", mismatch.ErrorFor("Input.Quote"), StringComparison.Ordinal);

        var outside = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Parties[0].Name", "National Cyber Security Centre")
            .Set("Input.AccusedState", "CN")
            .Set("Input.Source.Name", $"#{source.Id}")
            .Set("Input.SpanStart", "10")
            .Set("Input.SpanEnd", (source.Text.Length + 5).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .PostForPageAsync(client, "/statements/new");
        Assert.Contains("within the source", outside.ErrorFor("Input.SpanEnd"), StringComparison.Ordinal);

        var absent = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Parties[0].Name", "National Cyber Security Centre")
            .Set("Input.AccusedState", "CN")
            .Set("Input.Quote", "Words this article never printed")
            .Set("Input.Source.Name", $"#{source.Id}")
            .PostForPageAsync(client, "/statements/new");
        Assert.Contains("not in the source's text", absent.ErrorFor("Input.Quote"), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Statements.AnyAsync(s => s.Quote == "Words this article never printed", Ct)));
    }

    [Fact]
    public async Task A_name_matching_several_records_offers_them_and_the_one_picked_is_saved()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);

        // "MSS" is only an alias: of the ministry. A near miss offers the records it might mean.
        var page = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Parties[0].Name", "National Cyber Security Centre")
            .Set("Input.AccusedActor.Name", "State Security")
            .PostForPageAsync(client, "/statements/new");
        Assert.Contains("No actor is called", page.ErrorFor("Input.AccusedActor.Name"), StringComparison.Ordinal);
        var choices = page.Document.QuerySelectorAll("input[name='Input.AccusedActor.Choice']");
        var ministry = Assert.Single(choices, c => c.ParentElement!.TextContent.Contains("Ministry of State Security", StringComparison.Ordinal));

        var response = await WebForm.From(page).Set("Input.AccusedActor.Choice", ministry.GetAttribute("value")!).PostAsync(client, "/statements/new");
        var saved = await app.StatementAsync(StatementStore.IdFromLocation(response));
        Assert.Equal(int.Parse(ministry.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture), saved.AccusedActorId);
    }

    [Fact]
    public async Task An_actor_typed_by_any_alias_in_any_case_and_accent_is_found()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);

        var response = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Parties[0].Name", "ncsc")
            .Set("Input.AccusedActor.Name", "HÁFNIO")
            .PostAsync(client, "/statements/new");

        var saved = await app.StatementAsync(StatementStore.IdFromLocation(response));
        Assert.Equal("National Cyber Security Centre", Assert.Single(saved.Parties).Party!.Name);
        Assert.Equal("HAFNIUM", await app.QueryAsync(db => db.Actors.Where(a => a.Id == saved.AccusedActorId).Select(a => a.Name).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_new_actor_and_a_new_incident_are_created_inline_and_a_refused_form_creates_neither()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var actor = $"Test Panda {Guid.NewGuid():N}"[..22];
        var incident = $"Test breach {Guid.NewGuid():N}"[..23];
        var form = await WebForm.OpenAsync(client, "/statements/new");
        form.Set("Input.Parties[0].Name", "National Cyber Security Centre")
            .Set("Input.AccusedActor.Name", actor).Set("Input.AccusedActor.CreateNew", "true").Set("Input.AccusedActor.NewKind", "Group").Set("Input.AccusedActor.NewState", "CN")
            .Set("Input.Incident.Name", incident).Set("Input.Incident.CreateNew", "true").Set("Input.Incident.NewDate", "2024-03");

        var refused = await form.Set("Input.Date", "2024-13").PostForPageAsync(client, "/statements/new");
        Assert.NotNull(refused.ErrorFor("Input.Date"));
        Assert.False(await app.QueryAsync(db => db.Actors.AnyAsync(a => a.Name == actor, Ct)));

        var response = await form.Set("Input.Date", "2024-04").PostAsync(client, "/statements/new");
        var saved = await app.StatementAsync(StatementStore.IdFromLocation(response));
        var created = await app.QueryAsync(db => db.Actors.SingleAsync(a => a.Id == saved.AccusedActorId, Ct));
        Assert.Equal((actor, ActorKind.Group, "CN"), (created.Name, created.Kind, created.SponsorStateCode?.Value));
        var newIncident = await app.QueryAsync(db => db.Incidents.SingleAsync(i => i.Id == saved.IncidentId, Ct));
        Assert.Equal((incident, PartialDate.OfMonth(2024, 3)), (newIncident.Name, newIncident.StartDate));
    }

    [Fact]
    public async Task Pickers_suggest_records_by_any_alias_as_json_to_anyone()
    {
        var client = app.Client();

        var actors = await GetJsonAsync(client, "/pickers/actors?q=hafnio");
        Assert.Contains(actors, a => a.GetProperty("name").GetString() == "HAFNIUM");
        var parties = await GetJsonAsync(client, "/pickers/parties?q=ncsc");
        Assert.Equal("National Cyber Security Centre", parties[0].GetProperty("name").GetString());
        var incidents = await GetJsonAsync(client, "/pickers/incidents?q=exchange");
        Assert.Contains(incidents, i => i.GetProperty("name").GetString()!.Contains("Microsoft Exchange", StringComparison.Ordinal));
        var sources = await GetJsonAsync(client, "/pickers/sources?q=gran bretana");
        Assert.NotEmpty(sources);
        Assert.Empty(await GetJsonAsync(client, "/pickers/actors?q="));
    }

    private static async Task<List<JsonElement>> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
