using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

/// <summary>
/// No page runs a query per row it shows: every page, the benchmarked ones included (bench/run.sh), issues exactly as
/// many SQL commands with many statements about the same actor, incident, parties, states and source as with a few.
/// (Both measurements have every kind of row present, since a page may rightly skip a query for a section that is
/// empty.) The writes between the two measurements change the
/// store's generation, so the second measurement is a real render too, not the output cache's copy.
/// </summary>
public sealed class QueryCountTests
{
    private const int Few = 10;

    private const int Many = 150;

    [Fact]
    public async Task Every_page_issues_the_same_number_of_SQL_commands_with_many_more_rows_as_with_few()
    {
        await using var app = new AttributionWebFactory();
        var seed = await SeedRecordsAsync(app);
        string[] urls =
        [
            "/",
            "/incidents",
            "/incidents?accused=CN&conf=6&confmode=atleast",
            $"/incidents/{seed.Incident.Slug}",
            "/actors",
            "/actors/hafnium",
            "/actors/hafnium?p=2",
            "/actors/hafnium?p=2&dp=2",
            "/parties",
            $"/parties/{seed.Party.Slug}",
            "/states",
            "/states/cn",
            "/states/gb",
            "/sources",
            $"/sources/{seed.Source.Id}",
            // Search runs a fixed number of commands per kind of hit on the page shown (a mixed page of 20 may hold
            // sources with few statements and none with many): each kind is measured on its own.
            "/search?q=hafnium&kind=statement",
            "/search?q=hafnium&kind=source",
            "/search?q=hafnium&kind=actor",
            "/actors/hafnium?asof=2021-07-19",
        ];

        await AddStatementsAsync(app, seed, 0, Few);
        var before = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            before[url] = await app.CountSqlCommandsAsync(url);
        }

        await AddStatementsAsync(app, seed, Few, Many);

        foreach (var url in urls)
        {
            var after = await app.CountSqlCommandsAsync(url);
            Assert.True(after == before[url], $"{url}: {before[url]} SQL commands with {Few} added statements, {after} with {Few + Many}");
        }
    }

    private sealed record SeedRecords(Actor Actor, Incident Incident, Party Party, Source Source);

    private static async Task<SeedRecords> SeedRecordsAsync(AttributionWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var hafnium = await db.Actors.AsNoTracking().SingleAsync(a => a.Slug == Slug.Parse("hafnium"), TestContext.Current.CancellationToken);
        var statement = await db.Statements.AsNoTracking()
            .Include(s => s.Incident).Include(s => s.Source).Include(s => s.Parties).ThenInclude(p => p.Party)
            .FirstAsync(s => s.AccusedActorId == hafnium.Id && s.Incident != null && s.Source != null, TestContext.Current.CancellationToken);
        return new SeedRecords(hafnium, statement.Incident!, statement.Parties[0].Party!, statement.Source!);
    }

    /// <summary>
    /// Attributions by new parties of GB and by the seed party, accusing HAFNIUM and China, half of them of the seed
    /// incident and half of new ones, each with a span in the seed source, and a Chinese denial answering each.
    /// </summary>
    private static async Task AddStatementsAsync(AttributionWebFactory app, SeedRecords seed, int first, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        db.ChangedBy = "test";
        var china = await db.Parties.FirstAsync(p => p.StateCode == CountryCode.Parse("CN"), TestContext.Current.CancellationToken);
        var textLength = seed.Source.Text.Length;
        for (var i = first; i < first + count; i++)
        {
            var party = i % 3 == 0
                ? await db.Parties.SingleAsync(p => p.Id == seed.Party.Id, TestContext.Current.CancellationToken)
                : new Party { Name = $"Test agency {i}", Slug = Slug.From($"Test agency {i}"), Kind = PartyKind.Agency, StateCode = CountryCode.Parse("GB") };
            var incident = i % 2 == 0
                ? await db.Incidents.SingleAsync(x => x.Id == seed.Incident.Id, TestContext.Current.CancellationToken)
                : new Incident { Name = $"Test intrusion {i}", Slug = Slug.From($"Test intrusion {i}"), Type = IncidentType.Espionage, StartDate = PartialDate.OfMonth(2020, 1 + (i % 12)) };
            var start = i * 7 % (textLength - 40);
            var attribution = new AttributionStatement
            {
                Kind = StatementKind.Attribution,
                Incident = incident,
                AccusedActorId = seed.Actor.Id,
                AccusedStateCode = CountryCode.Parse("CN"),
                Confidence = new Confidence(ConfidenceLevel.HighlyLikely, "highly likely"),
                Date = PartialDate.OfDay(2021, 1 + (i % 6), 1 + (i % 28)),
                Quote = $"Test quote {i} about HAFNIUM",
                SourceId = seed.Source.Id,
                SpanStart = start,
                SpanEnd = start + 20,
            };
            attribution.Parties.Add(new StatementParty { Party = party, Position = 0 });
            var denial = new AttributionStatement { Kind = StatementKind.Denial, Incident = incident, Date = attribution.Date, Quote = $"Test denial {i}" };
            denial.Parties.Add(new StatementParty { Party = china, Position = 0 });
            denial.Answers.Add(new StatementAnswer { AnsweredStatement = attribution });
            db.Statements.AddRange(attribution, denial);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
