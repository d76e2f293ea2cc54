using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

/// <summary>An actor accused of thousands of incidents: its page shows one page of rows, in the same SQL either way.</summary>
public sealed class ActorPagingTests
{
    private const int Many = 2_000;
    private const int Few = 10;

    [Fact]
    public async Task An_actor_with_thousands_of_incidents_pages_them_in_as_many_SQL_commands_as_one_with_ten()
    {
        await using var app = new AttributionWebFactory();
        await AccuseAsync(app, "Busy Test Group", Many);
        await AccuseAsync(app, "Quiet Test Group", Few);
        var client = app.CreateClient();

        var first = await HtmlPage.GetAsync(client, "/actors/busy-test-group");
        var second = await HtmlPage.GetAsync(client, "/actors/busy-test-group?p=2");
        var last = await HtmlPage.GetAsync(client, "/actors/busy-test-group?p=40");

        Assert.Equal(Rows(first).Take(2), ["Busy Test Group incident 1999", "Busy Test Group incident 1998"]);
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal(50, Rows(second).Count);
        Assert.Empty(Rows(first).Intersect(Rows(second)));
        Assert.Equal("Busy Test Group incident 0000", Rows(last).Last());
        Assert.Contains("Page 1 of 40", first.Text("#incidents nav"), StringComparison.Ordinal);
        Assert.Contains(first.Links("/actors/busy-test-group?p=2#incidents"), a => a.GetAttribute("rel") == "next");
        Assert.Equal(Few, Rows(await HtmlPage.GetAsync(client, "/actors/quiet-test-group")).Count);

        var quiet = await app.CountSqlCommandsAsync("/actors/quiet-test-group");
        Assert.Equal(quiet, await app.CountSqlCommandsAsync("/actors/busy-test-group"));
        Assert.Equal(quiet, await app.CountSqlCommandsAsync("/actors/busy-test-group?p=40"));
    }

    private static List<string> Rows(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("table.attributed tbody th[scope=row] a").Select(a => a.TextContent)];

    /// <summary>A new actor, and one attribution of it per new incident by the NCSC, a day apart.</summary>
    private static async Task AccuseAsync(AttributionWebFactory app, string name, int incidents)
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var ncsc = await db.Parties.SingleAsync(p => p.Slug == Slug.Parse("national-cyber-security-centre"), ct);
        var actor = new Actor { Name = name, Slug = Slug.From(name), Kind = ActorKind.Group };
        db.Actors.Add(actor);
        for (var i = 0; i < incidents; i++)
        {
            var incidentName = $"{name} incident {i:D4}";
            var statement = new AttributionStatement
            {
                Kind = StatementKind.Attribution,
                AccusedActor = actor,
                Incident = new Incident { Name = incidentName, Slug = Slug.From(incidentName) },
                Confidence = new Confidence(ConfidenceLevel.Likely, "likely"),
                Date = PartialDate.OfDay(new DateOnly(2022, 1, 1).AddDays(i)),
                Quote = $"{name} did it ({i})",
            };
            statement.Parties.Add(new StatementParty { PartyId = ncsc.Id });
            db.Statements.Add(statement);
        }

        await db.SaveChangesAsync(ct);
    }
}
