using System.Data.Common;
using System.Net;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Tests;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using AttributionTracker.Web.Tests.Api.Write;
using AttributionTracker.Web.Tests.Editing;
using AttributionTracker.Web.Tests.Import;
using AttributionTracker.Web.Tests.Statements;
using AngleSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Caching;

/// <summary>
/// Anonymous readers get public pages from the output cache (no SQL command at all), and every write to the store —
/// an edit form, the API, an import on its own scope as the command line runs it, another process's connection —
/// shows on the very next request. Signed-in readers and error answers are never cached.
/// </summary>
public sealed class OutputCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cached_actor_page_shows_an_editors_form_edit_on_the_next_request()
    {
        await using var app = new AttributionWebFactory();
        var reader = app.Client();
        var (first, firstCommands) = await GetAsync(app, reader, "/actors/hafnium");
        var (_, secondCommands) = await GetAsync(app, reader, "/actors/hafnium");
        Assert.True(firstCommands > 0);
        Assert.Equal(0, secondCommands); // a hit runs no SQL command
        Assert.Equal("HAFNIUM", first.Text("h1"));

        var editor = await app.SignedInClientAsync(Roles.Editor);
        var saved = await EditForm.PostAsync(editor, "/actors/hafnium/edit", new() { ["Input.Name"] = "Hafnium (Silk Typhoon)" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (after, afterCommands) = await GetAsync(app, reader, "/actors/hafnium");
        Assert.Equal("Hafnium (Silk Typhoon)", after.Text("h1"));
        Assert.True(afterCommands > 0);
    }

    [Fact]
    public async Task A_cached_list_shows_an_actor_created_through_the_API_on_the_next_request()
    {
        await using var app = new AttributionWebFactory();
        var reader = app.Client();
        await GetAsync(app, reader, "/actors?p=1");
        var (before, cachedCommands) = await GetAsync(app, reader, "/actors?p=1");
        Assert.Equal(0, cachedCommands); // a hit runs no SQL command
        Assert.DoesNotContain("Aardvark Typhoon", before.Document.Body!.TextContent, StringComparison.Ordinal);

        var holder = await app.TokenHolderAsync(Roles.Editor);
        using var created = await app.BearerClient(holder.Secret).PostJsonAsync("/api/v1/actors", new { name = "Aardvark Typhoon", kind = "Group" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (after, _) = await GetAsync(app, reader, "/actors?p=1");
        Assert.Contains("Aardvark Typhoon", after.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_on_its_own_scope_as_the_command_line_runs_it_shows_on_the_next_request()
    {
        await using var app = new AttributionWebFactory();
        var reader = app.Client();
        await GetAsync(app, reader, "/sources");
        var (before, cachedCommands) = await GetAsync(app, reader, "/sources");
        Assert.Equal(0, cachedCommands); // a hit runs no SQL command

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var article = ArticleReader.ReadFile(ImportForms.CorpusFile("en_02_wannacry_north_korea.txt"));
            var result = await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync(article, "en_02_wannacry_north_korea.txt", Ct);
            Assert.True(result.Statements > 0);
        }

        var (after, _) = await GetAsync(app, reader, "/sources");
        Assert.Equal(before.Document.QuerySelectorAll("table.sources tbody tr").Length + 1, after.Document.QuerySelectorAll("table.sources tbody tr").Length);
    }

    [Fact]
    public async Task A_write_by_another_process_on_the_same_store_shows_on_the_next_request()
    {
        await using var app = new AttributionWebFactory();
        var reader = app.Client();
        await GetAsync(app, reader, "/actors/hafnium");
        var (_, cachedCommands) = await GetAsync(app, reader, "/actors/hafnium");
        Assert.Equal(0, cachedCommands); // a hit runs no SQL command

        // A connection of its own to the same store, as the command line in another process has.
        var (connectionString, provider) = await app.QueryAsync(db => Task.FromResult(
            (db.Database.GetConnectionString()!, DbProviderFactories.GetFactory(db.Database.GetDbConnection())!)));
        await using (var other = provider.CreateConnection()!)
        {
            other.ConnectionString = connectionString;
            await other.OpenAsync(Ct);
            await using var update = other.CreateCommand();
            update.CommandText = "UPDATE \"Actors\" SET \"Name\" = 'HAFNIUM (written elsewhere)' WHERE \"Slug\" = 'hafnium'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync(Ct));
        }

        var (after, _) = await GetAsync(app, reader, "/actors/hafnium");
        Assert.Equal("HAFNIUM (written elsewhere)", after.Text("h1"));
    }

    [Fact]
    public async Task Signed_in_readers_are_never_served_from_the_cache_nor_fill_it()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);
        var reader = app.Client();

        await GetAsync(app, reader, "/actors/hafnium");
        var (editorsPage, editorsCommands) = await GetAsync(app, editor, "/actors/hafnium");
        var (_, editorsAgain) = await GetAsync(app, editor, "/actors/hafnium");
        Assert.True(editorsCommands > 0);
        Assert.True(editorsAgain > 0);
        Assert.Single(editorsPage.Links("/actors/hafnium/edit"));

        await GetAsync(app, editor, "/incidents");
        var (readersPage, readersCommands) = await GetAsync(app, reader, "/incidents");
        Assert.True(readersCommands > 0);
        Assert.Empty(readersPage.Links("/incidents/new"));
    }

    [Fact]
    public async Task A_not_found_answer_is_never_cached()
    {
        await using var app = new AttributionWebFactory();
        var reader = app.Client();
        var (missing, _) = await GetAsync(app, reader, "/actors/aardvark-typhoon");
        var (again, againCommands) = await GetAsync(app, reader, "/actors/aardvark-typhoon");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.True(againCommands > 0);

        // A page at the status page's own address must not be served later in place of a real 404 either.
        var (statusPage, statusCommands) = await GetAsync(app, reader, "/incidents/no-such-incident");
        Assert.Equal(HttpStatusCode.NotFound, statusPage.Status);
        Assert.True(statusCommands > 0);
    }

    /// <summary>The page, and how many SQL commands the app ran for it.</summary>
    private static async Task<(HtmlPage Page, int Commands)> GetAsync(AttributionWebFactory app, HttpClient client, string url)
    {
        var tally = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(SqlCommandTally.Header, tally);
        using var response = await client.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(new Uri(client.BaseAddress!, url)), Ct);
        return (new HtmlPage(response.StatusCode, document), app.Services.GetRequiredService<SqlCommandTally>()[tally]);
    }
}
