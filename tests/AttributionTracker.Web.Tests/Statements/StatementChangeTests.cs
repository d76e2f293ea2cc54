using System.Net;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Tests.Statements;

/// <summary>Correcting, retracting and deleting statements: nothing silently overwritten, nothing lost from history.</summary>
[Collection(nameof(EditingCollection))]
public sealed class StatementChangeTests(EditingApp editing)
{
    private readonly AttributionWebFactory app = editing.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_two_editors_change_one_statement_the_second_sees_both_versions_and_chooses()
    {
        var ana = await app.SignedInClientAsync(Roles.Editor);
        var ben = await app.SignedInClientAsync(Roles.Editor);
        var id = await AddStatementAsync(ana, "first words");
        var anasForm = await WebForm.OpenAsync(ana, $"/statements/{id}/edit");
        var bensForm = await WebForm.OpenAsync(ben, $"/statements/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, (await anasForm.Set("Input.ConfidenceWording", "Ana's words").PostAsync(ana, $"/statements/{id}/edit")).StatusCode);
        var conflict = await bensForm.Set("Input.ConfidenceWording", "Ben's words").PostForPageAsync(ben, $"/statements/{id}/edit");

        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        var row = conflict.Document.QuerySelectorAll(".conflict-table tr.differs").Single();
        Assert.Equal("Ana's words", row.QuerySelector(".theirs")!.TextContent);
        Assert.Equal("Ben's words", row.QuerySelector(".yours")!.TextContent);
        Assert.Equal("Ana's words", (await app.StatementAsync(id)).Confidence.Wording);
        Assert.Contains(conflict.Links($"/statements/{id}"), a => a.TextContent == "Keep theirs");

        // "Save mine over theirs" sends Ben's version again, now against the version stored.
        Assert.NotNull(conflict.Document.QuerySelector("button[form='statement-form']"));
        var overwrite = await WebForm.From(conflict).PostAsync(ben, $"/statements/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, overwrite.StatusCode);
        Assert.Equal("Ben's words", (await app.StatementAsync(id)).Confidence.Wording);

        // Both corrections are in the history, in order.
        var history = await HtmlPage.GetAsync(ana, $"/statements/{id}");
        var entries = history.Document.QuerySelectorAll(".history-entry ins").Select(i => i.TextContent).ToList();
        Assert.True(entries.IndexOf("Ben's words") < entries.IndexOf("Ana's words"), string.Join(" | ", entries));
    }

    [Fact]
    public async Task A_retraction_needs_a_reason_keeps_the_statement_marked_and_records_the_reason_in_its_history()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var id = await AddStatementAsync(client, "to be retracted");

        var noReason = await (await WebForm.OpenAsync(client, $"/statements/{id}/retract", ".retract-form")).Set("Reason", " ").PostForPageAsync(client, $"/statements/{id}/retract");
        Assert.Contains("Say why", noReason.ErrorFor("Reason"), StringComparison.Ordinal);
        Assert.Null((await app.StatementAsync(id)).RetractedAt);

        var response = await (await WebForm.OpenAsync(client, $"/statements/{id}/retract", ".retract-form")).Set("Reason", "Misread the source").PostAsync(client, $"/statements/{id}/retract");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var statement = await app.StatementAsync(id);
        Assert.NotNull(statement.RetractedAt);
        Assert.Equal("Misread the source", statement.RetractionReason);
        Assert.StartsWith("editor-", statement.RetractedBy, StringComparison.Ordinal);
        var change = await app.QueryAsync(db => db.RecordChanges.Where(c => c.OwnerType == nameof(AttributionStatement) && c.OwnerId == id).OrderByDescending(c => c.Id).FirstAsync(Ct));
        Assert.Equal("Misread the source", change.Reason);

        var page = await HtmlPage.GetAsync(client, $"/statements/{id}");
        Assert.Contains("Misread the source", page.Text(".retraction"), StringComparison.Ordinal);
        Assert.Equal("Reason: Misread the source", page.Text(".history-entry .history-reason"));
        var incident = await app.ExchangeIncidentAsync();
        var incidentPage = await HtmlPage.GetAsync(app.Client(), $"/incidents/{incident.Slug}");
        var row = incidentPage.Document.QuerySelector($"#statement-{id}")!;
        Assert.Contains("retracted", row.ClassList);
        Assert.Contains("retracted", row.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_hard_deletes_and_the_history_keeps_what_was_deleted_and_why()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor);
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var id = await AddStatementAsync(editor, "to be deleted");

        Assert.Null((await HtmlPage.GetAsync(editor, $"/statements/{id}")).Document.QuerySelector($"a[href='/statements/{id}/delete']"));
        var refused = await editor.GetAsync($"/statements/{id}/delete", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var response = await (await WebForm.OpenAsync(admin, $"/statements/{id}/delete", ".delete-form")).Set("Reason", "Duplicate of another entry").PostAsync(admin, $"/statements/{id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Statements.AnyAsync(s => s.Id == id, Ct)));

        var deleted = await app.QueryAsync(db => db.RecordChanges.SingleAsync(c => c.RecordType == nameof(AttributionStatement) && c.RecordKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && c.Action == ChangeAction.Deleted, Ct));
        Assert.Equal("Duplicate of another entry", deleted.Reason);
        Assert.Contains("to be deleted", deleted.Before, StringComparison.Ordinal);
        var page = await HtmlPage.GetAsync(app.Client(), $"/statements/{id}");
        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("Duplicate of another entry", page.Text(".record-history"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/statements/new")]
    [InlineData("/statements/{id}/edit")]
    [InlineData("/statements/{id}/retract")]
    [InlineData("/statements/{id}/delete")]
    public async Task Without_an_account_the_forms_and_their_posts_send_to_sign_in_and_without_a_role_they_are_forbidden(string template)
    {
        var id = await app.QueryAsync(db => db.Statements.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct));
        var url = template.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var changes = () => app.QueryAsync(db => db.RecordChanges.CountAsync(c => c.OwnerType == nameof(AttributionStatement) && c.OwnerId == id, Ct));
        var before = await changes();
        var marker = Guid.NewGuid().ToString("N");
        var values = new Dictionary<string, string> { ["Reason"] = marker, ["Input.Kind"] = "Attribution", ["Input.AccusedState"] = "CN", ["Input.Quote"] = marker };

        var anonymous = app.Client();
        var get = await anonymous.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/account/login", get.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var post = await anonymous.PostAsync(url, new FormUrlEncodedContent(values), Ct);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{post.StatusCode}");

        var nobody = await app.SignedInClientAsync(role: null);
        var forbidden = await nobody.PostAsync(url, await SignedIn.FormAsync(nobody, "/", values), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(before, await changes());
        Assert.False(await app.QueryAsync(db => db.Statements.AnyAsync(s => s.Quote == marker || s.RetractionReason == marker, Ct)));
    }

    private async Task<int> AddStatementAsync(HttpClient client, string quote)
    {
        var incident = await app.ExchangeIncidentAsync();
        var response = await (await WebForm.OpenAsync(client, "/statements/new"))
            .Set("Input.Parties[0].Name", "National Cyber Security Centre")
            .Set("Input.AccusedActor.Name", "HAFNIUM")
            .Set("Input.Incident.Name", incident.Name)
            .Set("Input.Date", "2021-07-20")
            .Set("Input.Quote", quote)
            .PostAsync(client, "/statements/new");
        return StatementStore.IdFromLocation(response);
    }
}
