using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Incidents;

/// <summary>
/// The list, its CSV and the home page over more incidents than one page holds: each test has its own app, since
/// it adds data the shared app's tests do not expect.
/// </summary>
public sealed class ListWithManyIncidentsTests
{
    private const int Many = 105;
    private const string Formula = "=HYPERLINK(\"http://example.invalid\",\"click\")";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paging_keeps_the_filters_the_CSV_has_every_page_and_the_SQL_does_not_grow_with_the_rows()
    {
        await using var app = new AttributionWebFactory();
        var client = app.CreateClient();
        var fewRows = await app.CountSqlCommandsAsync("/incidents?accused=CN");
        // The home page keeps its matrix per store generation (a write starts a new one): count with it in hand, before and after.
        await app.CountSqlCommandsAsync("/");
        var homeBefore = await app.CountSqlCommandsAsync("/");
        await AddManyAsync(app);

        var first = await HtmlPage.GetAsync(client, "/incidents?accused=RU&sort=name-asc");
        var next = Assert.Single(first.Document.QuerySelectorAll("a[rel=next]")).GetAttribute("href")!;
        var second = await HtmlPage.GetAsync(client, next);

        Assert.Contains("accused=RU", next, StringComparison.Ordinal);
        Assert.Contains("sort=name-asc", next, StringComparison.Ordinal);
        Assert.Contains("p=2", next, StringComparison.Ordinal);
        var firstNames = IncidentListTests.IncidentNames(first);
        var secondNames = IncidentListTests.IncidentNames(second);
        Assert.Equal(100, firstNames.Count);
        Assert.Equal(Many + 1 - 100, secondNames.Count);
        Assert.Empty(firstNames.Intersect(secondNames));
        Assert.Contains(second.Document.QuerySelectorAll("a[rel=prev]"), a => a.GetAttribute("href")!.Contains("accused=RU", StringComparison.Ordinal));

        var csv = CsvTable.Read(await client.GetByteArrayAsync(first.Document.GetElementById("download-csv")!.GetAttribute("href"), Ct));
        Assert.Equal(firstNames.Concat(secondNames).Select(Unformula), csv.Column("Title"));

        // A page of 100 rows costs the same number of SQL commands as a page of two, and so does the home page.
        Assert.Equal(fewRows, await app.CountSqlCommandsAsync("/incidents?accused=RU"));
        await app.CountSqlCommandsAsync("/");
        Assert.Equal(homeBefore, await app.CountSqlCommandsAsync("/"));
    }

    [Fact]
    public async Task Sorting_orders_by_statements_confidence_and_date_and_the_CSV_defuses_formulas()
    {
        await using var app = new AttributionWebFactory();
        var client = app.CreateClient();
        await AddManyAsync(app);

        var byStatements = IncidentListTests.IncidentNames(await HtmlPage.GetAsync(client, "/incidents?accused=RU&sort=statements-desc"));
        var byConfidence = IncidentListTests.IncidentNames(await HtmlPage.GetAsync(client, "/incidents?accused=RU&sort=confidence-desc"));
        var newest = IncidentListTests.IncidentNames(await HtmlPage.GetAsync(client, "/incidents?accused=RU&sort=date-desc"));
        var oldest = IncidentListTests.IncidentNames(await HtmlPage.GetAsync(client, "/incidents?accused=RU&sort=date-asc"));

        Assert.Equal("Test incident 050", byStatements[0]);
        Assert.Equal("Test incident 050", byConfidence[0]);
        Assert.Equal("Test incident 105", newest[0]);
        Assert.Equal("Test incident 001", oldest[0]);
        // Undated goes last both ways (on page 2: 106 rows).
        Assert.Equal(Formula, IncidentListTests.IncidentNames(await HtmlPage.GetAsync(client, "/incidents?accused=RU&sort=date-desc&p=2"))[^1]);
        Assert.Equal(Formula, IncidentListTests.IncidentNames(await HtmlPage.GetAsync(client, "/incidents?accused=RU&sort=date-asc&p=2"))[^1]);

        var csv = CsvTable.Read(await client.GetByteArrayAsync("/incidents?handler=csv&q=HYPERLINK", Ct));
        Assert.Equal("'" + Formula, Assert.Single(csv.Column("Title")));
    }

    [Fact]
    public async Task Every_matrix_cell_counts_the_rows_of_the_list_it_links_to()
    {
        await using var app = new AttributionWebFactory();
        var client = app.CreateClient();
        await AddManyAsync(app);

        foreach (var home in new[] { "/", "/?conf=likely", "/?conf=almost-certain", "/?asof=2019-02-01" })
        {
            var page = await HtmlPage.GetAsync(client, home);
            var cells = page.Document.QuerySelectorAll("table.matrix td a").ToList();
            Assert.NotEmpty(cells);
            foreach (var cell in cells)
            {
                var list = await HtmlPage.GetAsync(client, cell.GetAttribute("href")!);
                Assert.Equal(cell.TextContent, list.Text("#results-heading").Split(' ')[0].Replace(",", "", StringComparison.Ordinal));
            }
        }

        var all = await HtmlPage.GetAsync(client, "/");
        Assert.Contains(all.Document.QuerySelectorAll("table.matrix td a"), a => a.TextContent == (Many + 1).ToString(CultureInfo.InvariantCulture)
            && a.GetAttribute("href") == "/incidents?accused=RU&accuser=FR&kind=attribution");
    }

    private static string Unformula(string name) => name == Formula ? "'" + Formula : name;

    /// <summary>
    /// 105 incidents a French agency blames on Russia, one a day from 2019-01-01 ("likely"), incident 050 three
    /// times (once "almost certain"), and an undated one whose name is a spreadsheet formula.
    /// </summary>
    private static async Task AddManyAsync(AttributionWebFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        db.ChangedBy = "test";
        var agency = new Party { Name = "Test Agency", Slug = Slug.From("Test Agency"), Kind = PartyKind.Agency, StateCode = CountryCode.Parse("FR") };
        var start = new DateOnly(2019, 1, 1);
        for (var i = 1; i <= Many; i++)
        {
            var incident = new Incident { Name = $"Test incident {i:000}", Slug = Slug.From($"Test incident {i:000}"), StartDate = PartialDate.OfDay(start.AddDays(i)) };
            db.Statements.Add(Blame(agency, incident, ConfidenceLevel.Likely, start.AddDays(i)));
            if (i == 50)
            {
                db.Statements.Add(Blame(agency, incident, ConfidenceLevel.Likely, start.AddDays(i)));
                db.Statements.Add(Blame(agency, incident, ConfidenceLevel.AlmostCertain, start.AddDays(i)));
            }
        }

        db.Statements.Add(Blame(agency, new Incident { Name = Formula, Slug = Slug.From(Formula) }, null, start));
        await db.SaveChangesAsync(Ct);
    }

    private static AttributionStatement Blame(Party party, Incident incident, ConfidenceLevel? level, DateOnly day)
    {
        var statement = new AttributionStatement
        {
            Kind = StatementKind.Attribution,
            Incident = incident,
            AccusedStateCode = CountryCode.Parse("RU"),
            Confidence = new Confidence(level, null),
            Date = PartialDate.OfDay(day),
            Quote = $"{party.Name} blames Russia for {incident.Name}.",
        };
        statement.Parties.Add(new StatementParty { Party = party });
        return statement;
    }
}
