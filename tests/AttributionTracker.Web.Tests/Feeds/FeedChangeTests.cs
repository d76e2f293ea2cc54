using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Feeds;

/// <summary>Feeds after the store changes; an app of its own, since the shared one is read-only.</summary>
public sealed class FeedChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_statement_the_editors_withdraw_stays_in_the_feed_marked_and_pollers_get_the_new_version()
    {
        await using var app = new AttributionWebFactory();
        var client = app.CreateClient();
        using var first = await client.GetAsync("/feeds/statements.atom", Ct);
        var etag = first.Headers.ETag!;

        int id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
            db.ChangedBy = "editor@example.org";
            var statement = await db.Statements.OrderBy(s => s.Id).FirstAsync(Ct);
            statement.RetractedAt = DateTime.UtcNow;
            statement.RetractedBy = "editor@example.org";
            statement.RetractionReason = "misread source";
            await db.SaveChangesAsync(Ct);
            id = statement.Id;
        }

        using var poll = new HttpRequestMessage(HttpMethod.Get, "/feeds/statements.atom");
        poll.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(poll, Ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var reader = XmlReader.Create(await second.Content.ReadAsStreamAsync(Ct));
        var entry = SyndicationFeed.Load(reader).Items.Single(i => i.Id.EndsWith($":statements/{id}", StringComparison.Ordinal));
        Assert.StartsWith("[Withdrawn by the editors] ", entry.Title.Text);
        Assert.Contains("misread source", ((TextSyndicationContent)entry.Content).Text);
    }

    [Fact]
    public async Task A_merged_actors_feed_sends_readers_on_to_the_actor_that_absorbed_it()
    {
        await using var app = new AttributionWebFactory();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
            var hafnium = await db.Actors.SingleAsync(a => a.Name == "HAFNIUM", Ct);
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = Slug.Parse("old-hafnium"), ActorId = hafnium.Id });
            await db.SaveChangesAsync(Ct);
        }

        using var response = await app.Client().GetAsync("/feeds/actors/old-hafnium.atom", Ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/feeds/actors/hafnium.atom", response.Headers.Location?.OriginalString);
    }
}
