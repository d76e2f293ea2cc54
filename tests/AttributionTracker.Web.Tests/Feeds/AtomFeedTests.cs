using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Feeds;

/// <summary>The feeds as a feed reader sees them: parsed by <see cref="SyndicationFeed.Load(XmlReader)"/>, checked against the store.</summary>
public sealed class AtomFeedTests(AttributionWebFactory app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_feed_of_all_statements_holds_every_seed_statement_newest_first_with_the_elements_atom_requires()
    {
        var (feed, xml) = await LoadAsync("/feeds/statements.atom");

        var stored = await StatementsAsync(_ => true);
        Assert.Equal(stored.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(50).Select(s => s.Id), feed.Items.Select(StatementId));
        AssertRequiredElements(xml);
        Assert.Equal("http://localhost/feeds/statements.atom", feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
        Assert.Equal("http://localhost/", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Each_entry_reads_as_a_sentence_links_to_its_statement_page_and_carries_the_quote_and_source()
    {
        var (feed, _) = await LoadAsync("/feeds/statements.atom");
        var stored = (await StatementsAsync(_ => true)).ToDictionary(s => s.Id);

        Assert.NotEmpty(feed.Items);
        foreach (var item in feed.Items)
        {
            var statement = stored[StatementId(item)];
            var lead = statement.Parties.OrderBy(p => p.Position).First().Party!;
            var title = item.Title.Text;
            Assert.StartsWith(lead.Name, title);
            Assert.Contains(statement.Kind == StatementKind.Denial ? " denied " : " ", title);
            if (statement.Kind == StatementKind.Attribution && statement.AccusedActor is { } actor)
            {
                Assert.Contains($"accused {actor.Name}", title);
            }

            if (statement.Kind != StatementKind.Denial && statement.Confidence.Level is { } level)
            {
                Assert.EndsWith("— " + level.ToLabel(), title);
            }

            Assert.Equal(lead.Name, Assert.Single(item.Authors).Name);
            Assert.Equal($"http://localhost/statements/{statement.Id}", item.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
            var content = new HtmlParser().ParseDocument(Assert.IsType<TextSyndicationContent>(item.Content).Text);
            if (statement.Quote is { } quote)
            {
                Assert.Equal(quote, content.QuerySelector("blockquote")?.TextContent);
            }

            if (statement.SourceId is { } source)
            {
                Assert.Contains(content.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"http://localhost/sources/{source}#s{statement.Id}");
            }
        }

        Assert.Contains(feed.Items, i => i.Title.Text.Contains(" denied ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_actor_feed_holds_exactly_the_statements_accusing_it_and_the_denials_answering_them()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var accused = await db.Statements.Where(s => s.AccusedActorId != null).Select(s => s.AccusedActor!).Distinct().ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(accused);

        var all = await StatementsAsync(_ => true);
        foreach (var actor in accused)
        {
            var expected = all.Where(s => s.AccusedActorId == actor.Id
                || (s.Kind == StatementKind.Denial && s.Answers.Any(a => all.Single(x => x.Id == a.AnsweredStatementId).AccusedActorId == actor.Id)));
            await AssertFeedHoldsAsync($"/feeds/actors/{actor.Slug.Value}.atom", expected);
        }
    }

    [Fact]
    public async Task Each_incident_feed_holds_exactly_its_statements()
    {
        var all = await StatementsAsync(_ => true);
        var incidents = all.Where(s => s.Incident is not null).Select(s => s.Incident!.Slug.Value).Distinct().ToList();
        Assert.NotEmpty(incidents);

        foreach (var slug in incidents)
        {
            await AssertFeedHoldsAsync($"/feeds/incidents/{slug}.atom", all.Where(s => s.Incident?.Slug.Value == slug));
        }
    }

    [Theory]
    [InlineData("cn")]
    [InlineData("gb")]
    [InlineData("us")]
    public async Task A_state_feed_holds_the_statements_its_parties_made_and_those_accusing_it(string code)
    {
        var all = await StatementsAsync(_ => true);
        var expected = all.Where(s => s.AccusedStateCode?.Value == code.ToUpperInvariant() || s.Parties.Any(p => p.Party!.StateCode?.Value == code.ToUpperInvariant())).ToList();
        Assert.NotEmpty(expected);

        await AssertFeedHoldsAsync($"/feeds/states/{code}.atom", expected);
    }

    [Fact]
    public async Task A_state_with_no_statements_has_a_valid_empty_feed()
    {
        var (feed, xml) = await LoadAsync("/feeds/states/is.atom");

        Assert.Empty(feed.Items);
        Assert.Contains("Iceland", feed.Title.Text);
        AssertRequiredElements(xml);
    }

    [Theory]
    [InlineData("/feeds/actors/no-such-actor.atom")]
    [InlineData("/feeds/actors/NOT_A_SLUG.atom")]
    [InlineData("/feeds/incidents/no-such-incident.atom")]
    [InlineData("/feeds/states/zz.atom")]
    [InlineData("/feeds/states/xyz.atom")]
    public async Task An_unknown_actor_incident_or_state_has_no_feed(string url)
    {
        using var response = await app.CreateClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_reader_polling_with_the_etag_it_was_given_gets_304_and_no_body()
    {
        var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        using var first = await client.GetAsync("/feeds/states/cn.atom", ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/feeds/states/cn.atom");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(again, ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(ct));

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/feeds/states/cn.atom");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var third = await client.SendAsync(stale, ct);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Theory]
    [InlineData("/", "/feeds/statements.atom")]
    [InlineData("/actors/hafnium", "/feeds/actors/hafnium.atom")]
    [InlineData("/states/cn", "/feeds/states/cn.atom")]
    public async Task Pages_advertise_their_feed_in_the_head_and_with_a_visible_link(string url, string feed)
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), url);

        var link = page.Document.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']");
        Assert.NotNull(link);
        Assert.Equal(feed, link.GetAttribute("href"));
        Assert.Contains(page.Document.QuerySelectorAll("a.feed-link"), a => a.TextContent == "Atom feed" && a.GetAttribute("href") == feed);
        using var response = await app.CreateClient().GetAsync(feed, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_incident_pages_advertise_their_feed()
    {
        var slug = (await StatementsAsync(s => s.IncidentId != null)).First().Incident!.Slug.Value;

        var page = await HtmlPage.GetAsync(app.CreateClient(), $"/incidents/{slug}");

        Assert.Equal($"/feeds/incidents/{slug}.atom", page.Document.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
        Assert.Contains(page.Document.QuerySelectorAll("a.feed-link"), a => a.GetAttribute("href") == $"/feeds/incidents/{slug}.atom");
    }

    private async Task AssertFeedHoldsAsync(string url, IEnumerable<AttributionStatement> expected)
    {
        var (feed, xml) = await LoadAsync(url);
        AssertRequiredElements(xml);
        Assert.True(
            expected.Select(s => s.Id).Order().SequenceEqual(feed.Items.Select(StatementId).Order()),
            $"{url}: expected statements [{string.Join(", ", expected.Select(s => s.Id).Order())}], got [{string.Join(", ", feed.Items.Select(StatementId).Order())}]");
    }

    private async Task<(SyndicationFeed Feed, XDocument Xml)> LoadAsync(string url)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await app.CreateClient().GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        return (SyndicationFeed.Load(reader), XDocument.Load(new MemoryStream(bytes)));
    }

    /// <summary>RFC 4287: a feed has id, title and updated; each entry id, title, updated, an author (or the feed has one) and a link.</summary>
    private static void AssertRequiredElements(XDocument xml)
    {
        var feed = xml.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var name in new[] { "id", "title", "updated" })
        {
            Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + name)?.Value), $"feed without {name}");
        }

        var ids = new HashSet<string>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var name in new[] { "id", "title", "updated", "published" })
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + name)?.Value), $"entry without {name}");
            }

            Assert.True(ids.Add(entry.Element(Atom + "id")!.Value), "two entries share an id");
            Assert.StartsWith("tag:localhost,2026:statements/", entry.Element(Atom + "id")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "author")?.Element(Atom + "name")?.Value), "entry without an author");
            Assert.NotNull(entry.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") is null or "alternate"));
        }
    }

    private static int StatementId(SyndicationItem item) => int.Parse(item.Id[(item.Id.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<AttributionStatement>> StatementsAsync(System.Linq.Expressions.Expression<Func<AttributionStatement, bool>> filter)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        return await db.Statements.AsNoTracking().Where(filter)
            .Include(s => s.Parties).ThenInclude(p => p.Party)
            .Include(s => s.AccusedActor).Include(s => s.Incident).Include(s => s.Answers)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
