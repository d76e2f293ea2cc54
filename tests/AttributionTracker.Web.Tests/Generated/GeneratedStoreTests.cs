using System.Net;
using AttributionTracker.Data;
using AttributionTracker.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Generated;

/// <summary>
/// Its own app (the shared one must stay as first start left it): first start, then the generator's core code run
/// against the app's store, as `attribution generate` would.
/// </summary>
public sealed class GeneratedApp : IAsyncLifetime
{
    public AttributionWebFactory Factory { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Factory.InitializeAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        await new StoreGenerator(db).GenerateAsync(GenerationOptions.Scaled(0.002, seed: 3) with { Actors = 1_100 }, NoProgress.Instance, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class GeneratedStoreTests(GeneratedApp app) : IClassFixture<GeneratedApp>
{
    [Fact]
    public async Task Every_kind_of_page_of_a_generated_store_is_served()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var generated = db.Statements.Where(s => s.UpdatedBy == StoreGenerator.ChangedBy);
        var heaviestIncident = await generated.GroupBy(s => s.Incident!.Slug).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct);
        var heaviestActor = await generated.Where(s => s.AccusedActor != null).GroupBy(s => s.AccusedActor!.Slug).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct);
        var madeUpActor = await db.Actors.Where(a => a.UpdatedBy == StoreGenerator.ChangedBy).Select(a => a.Slug).FirstAsync(ct);
        var source = await db.Sources.Where(s => s.UpdatedBy == StoreGenerator.ChangedBy).OrderByDescending(s => s.Statements.Count).Select(s => s.Id).FirstAsync(ct);
        var statement = await generated.Where(s => s.Kind == Domain.StatementKind.Denial).Select(s => s.Id).FirstAsync(ct);
        var party = await db.Parties.Where(p => p.UpdatedBy == StoreGenerator.ChangedBy).Select(p => p.Slug).FirstAsync(ct);
        using var client = app.Factory.CreateClient();

        string[] pages =
        [
            "/", "/incidents", "/incidents?accused=CN&kind=attribution", $"/incidents/{heaviestIncident}",
            "/actors", $"/actors/{heaviestActor}", $"/actors/{madeUpActor}", $"/sources/{source}", $"/statements/{statement}",
            $"/parties/{party}", "/states/CN", "/search?q=ransomware", "/search?q=espionaje",
        ];
        foreach (var url in pages)
        {
            using var response = await client.GetAsync(url, ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Generated_records_are_found_by_search()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var incident = await db.Incidents.Where(i => i.UpdatedBy == StoreGenerator.ChangedBy).OrderBy(i => i.Id).Select(i => i.Name).FirstAsync(ct);
        var actor = await db.Actors.Where(a => a.UpdatedBy == StoreGenerator.ChangedBy).OrderBy(a => a.Id).Select(a => a.Name).FirstAsync(ct);

        var incidentHits = await HtmlPage.GetAsync(app.Factory.CreateClient(), "/search?q=" + Uri.EscapeDataString('"' + incident + '"'));
        var actorHits = await HtmlPage.GetAsync(app.Factory.CreateClient(), "/search?q=" + Uri.EscapeDataString('"' + actor + '"'));

        Assert.Contains(incident, incidentHits.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(actor, actorHits.Document.Body!.TextContent, StringComparison.Ordinal);
    }
}
