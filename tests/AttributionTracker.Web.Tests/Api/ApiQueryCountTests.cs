using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>No API address runs a query per row: with many more statements, incidents and answers, no more SQL commands.</summary>
public sealed class ApiQueryCountTests
{
    private const int Few = 4;
    private const int Many = 120;

    [Fact]
    public async Task Every_list_and_record_runs_as_many_SQL_commands_with_many_rows_as_with_few()
    {
        await using var app = new AttributionWebFactory();
        string[] urls =
        [
            "/api/v1/statements?pageSize=200",
            "/api/v1/statements?accused=CN&conf=likely&pageSize=200",
            "/api/v1/incidents?pageSize=200",
            "/api/v1/incidents?actor=hafnium&sort=name-asc&pageSize=200",
            "/api/v1/actors?accused=true&pageSize=200",
            "/api/v1/actors/hafnium",
            "/api/v1/parties?pageSize=200",
            "/api/v1/parties/national-cyber-security-centre",
            "/api/v1/states?pageSize=200",
            "/api/v1/states/cn",
            "/api/v1/sources/1",
            "/api/v1/incidents/test-intrusion-0",
        ];

        await AccuseAsync(app, 0, Few);
        var before = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            before[url] = await app.CountSqlCommandsAsync(url);
        }

        await AccuseAsync(app, Few, Many);
        foreach (var url in urls)
        {
            var after = await app.CountSqlCommandsAsync(url);
            Assert.True(after <= before[url], $"{url}: {before[url]} SQL commands with {Few} added statements, {after} with {Few + Many}");
        }
    }

    /// <summary>NCSC attributions of HAFNIUM and China, two per new incident, quoted from the seed source, each denied by China.</summary>
    private static async Task AccuseAsync(AttributionWebFactory app, int first, int count)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        db.ChangedBy = "test";
        var ncsc = await db.Parties.SingleAsync(p => p.Slug == Slug.Parse("national-cyber-security-centre"), ct);
        var china = await db.Parties.FirstAsync(p => p.StateCode == CountryCode.Parse("CN"), ct);
        var hafnium = await db.Actors.SingleAsync(a => a.Slug == Slug.Parse("hafnium"), ct);
        var incidents = new Dictionary<int, Incident>();
        for (var i = first; i < first + count; i++)
        {
            var n = i / 2;
            var incident = incidents.TryGetValue(n, out var known) ? known
                : incidents[n] = await db.Incidents.SingleOrDefaultAsync(x => x.Slug == Slug.From($"Test intrusion {n}"), ct)
                    ?? new Incident { Name = $"Test intrusion {n}", Slug = Slug.From($"Test intrusion {n}"), Victims = [new IncidentVictim { Name = $"Victim {n}" }] };
            var attribution = new AttributionStatement
            {
                Kind = StatementKind.Attribution,
                Incident = incident,
                AccusedActor = hafnium,
                AccusedStateCode = CountryCode.Parse("CN"),
                Confidence = new Confidence(ConfidenceLevel.HighlyLikely, "highly likely"),
                Date = PartialDate.OfDay(2021, 1 + (i % 6), 1 + (i % 28)),
                Quote = $"Test quote {i}",
                SourceId = 1,
                SpanStart = i,
                SpanEnd = i + 10,
            };
            attribution.Parties.Add(new StatementParty { Party = ncsc, Position = 0 });
            var denial = new AttributionStatement { Kind = StatementKind.Denial, Incident = incident, Date = attribution.Date, Quote = $"Test denial {i}", SourceId = 1, SpanStart = i, SpanEnd = i + 5 };
            denial.Parties.Add(new StatementParty { Party = china, Position = 0 });
            denial.Answers.Add(new StatementAnswer { AnsweredStatement = attribution });
            db.Statements.AddRange(attribution, denial);
        }

        await db.SaveChangesAsync(ct);
    }
}
