using System.Net;
using AngleSharp.Dom;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Incidents;

public sealed class IncidentPageTests(AttributionWebFactory app)
{
    private const string Finland = "/incidents/ataque-al-parlamento-de-finlandia";
    private const string Elections = "/incidents/espiar-a-personas-y-grupos-involucrados-en-las-campanas-electorales-presidenciales-de-ee-uu";

    [Fact]
    public async Task The_Finnish_parliament_incident_shows_the_NCSC_statement_on_the_timeline_and_in_the_table_with_a_link_to_its_words()
    {
        var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, Finland);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = Assert.Single(StatementRows(page), r => r.TextContent.Contains("National Cyber Security Centre", StringComparison.Ordinal));
        Assert.Contains("almost certain", row.TextContent, StringComparison.Ordinal);
        var mark = Assert.Single(page.Document.QuerySelectorAll("figure.timeline svg a.mark"), a => a.GetAttribute("href") == "#" + row.Id);
        Assert.Contains("National Cyber Security Centre", mark.TextContent, StringComparison.Ordinal);
        Assert.Contains("band-high", mark.ClassList);
        Assert.Contains("Finland", page.Text(".incident-facts"), StringComparison.Ordinal);
        Assert.Contains(page.Links("/states/FI"), a => a.TextContent == "Finland");

        var quote = Assert.Single(row.QuerySelectorAll("a[href^='/sources/']"));
        var target = new Uri(quote.GetAttribute("href")!, UriKind.Relative).ToString().Split('#');
        var source = await HtmlPage.GetAsync(client, target[0]);
        var span = source.Document.GetElementById(target[1]);
        Assert.NotNull(span);
        Assert.Contains("casi seguro", span.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Links("/sources/"), a => a.Closest(".incident-sources") is not null && a.GetAttribute("href") == target[0]);
        Assert.Contains("19 July 2021", page.Text(".incident-facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_denial_is_drawn_apart_and_links_to_the_statement_it_answers()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), Elections);

        var denialRow = Assert.Single(StatementRows(page), r => r.Children[2].TextContent.Trim() == "denial");
        var answers = Assert.Single(denialRow.QuerySelectorAll("a[href^='#statement-']"));
        var answered = page.Document.QuerySelector(answers.GetAttribute("href")!);
        Assert.NotNull(answered);
        Assert.Contains("Microsoft", answered.TextContent, StringComparison.Ordinal);
        Assert.Contains(answered.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#" + denialRow.Id && a.ParentElement!.TextContent.StartsWith("answered by", StringComparison.Ordinal));

        var denialMark = Assert.Single(page.Document.QuerySelectorAll("svg a.mark.denial"));
        Assert.Equal("#" + denialRow.Id, denialMark.GetAttribute("href"));
        Assert.Single(page.Document.QuerySelectorAll("svg path.answer-link"));
    }

    [Fact]
    public async Task The_timeline_has_a_name_a_description_and_a_legend_that_names_every_band()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), Finland);

        var svg = page.Document.QuerySelector("figure.timeline svg")!;
        Assert.Equal("group", svg.GetAttribute("role"));
        Assert.Contains("Ataque al parlamento de Finlandia", page.Document.GetElementById("timeline-title")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.Document.GetElementById("timeline-desc")!.TextContent);
        var legend = page.Text(".timeline-legend");
        foreach (var words in new[] { "High confidence", "highly likely, almost certain", "Moderate confidence", "Low confidence", "Confidence not stated", "Denial" })
        {
            Assert.Contains(words, legend, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task As_of_a_day_before_any_statement_the_incident_is_shown_but_nothing_had_been_attributed()
    {
        var page = await HtmlPage.GetAsync(app.CreateClient(), Finland + "?asof=2021-07-18");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Ataque al parlamento de Finlandia", page.Text("h1"));
        Assert.Contains("nothing had been attributed yet", page.Text(".no-statements"), StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("figure.timeline, table.statements, .incident-sources"));
        Assert.DoesNotContain("First attributed", page.Text(".incident-facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_summary_in_markdown_is_rendered_and_a_script_in_it_is_inert()
    {
        await using var own = new AttributionWebFactory();
        await WriteAsync(own, async db =>
        {
            var incident = await db.Incidents.SingleAsync(i => i.Slug == Slug.Parse("ataque-al-parlamento-de-finlandia"));
            incident.Summary = "The **Eduskunta** was breached.\n\n<script>alert(1)</script>\n\n[details](javascript:alert(2)) <img src=x onerror=alert(3)>";
        });

        var page = await HtmlPage.GetAsync(own.CreateClient(), Finland);

        var summary = page.Document.QuerySelector(".incident-summary")!;
        Assert.Equal("Eduskunta", summary.QuerySelector("strong")?.TextContent);
        Assert.Empty(summary.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(summary.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Value.Contains("javascript", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("<script>alert(1)</script>", summary.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewing_as_of_a_day_hides_the_statements_made_later()
    {
        await using var own = new AttributionWebFactory();
        await WriteAsync(own, async db =>
        {
            var incident = await db.Incidents.SingleAsync(i => i.Slug == Slug.Parse("ataque-al-parlamento-de-finlandia"));
            var supo = await db.Parties.FirstAsync();
            db.Statements.Add(new AttributionStatement
            {
                Kind = StatementKind.Attribution, IncidentId = incident.Id, Date = PartialDate.Parse("2022-03"),
                Parties = [new StatementParty { PartyId = supo.Id }], Quote = "A later statement.",
            });
        });
        var client = own.CreateClient();

        var before = await HtmlPage.GetAsync(client, Finland + "?asof=2022-02-28");
        var after = await HtmlPage.GetAsync(client, Finland + "?asof=2022-03-01");

        Assert.DoesNotContain(StatementRows(before), r => r.TextContent.Contains("A later statement.", StringComparison.Ordinal));
        Assert.Equal(2, StatementRows(before).Count());
        Assert.Contains(StatementRows(after), r => r.TextContent.Contains("A later statement.", StringComparison.Ordinal));
        Assert.Equal(3, after.Document.QuerySelectorAll("svg a.mark").Length);
        Assert.Single(after.Document.QuerySelectorAll("svg a.mark rect.shape"));
        Assert.Contains("March 2022", after.Text(".incident-facts"), StringComparison.Ordinal);
        Assert.All(before.Links("/parties/"), a => Assert.Contains("asof=2022-02-28", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_number_of_SQL_commands_does_not_depend_on_the_number_of_statements()
    {
        await using var own = new AttributionWebFactory();
        await AddStatementsAsync(own, 5);
        var few = await own.CountSqlCommandsAsync(Finland);
        await AddStatementsAsync(own, 295);
        var many = await own.CountSqlCommandsAsync(Finland);

        // 302 statements: six full pages of 50, then the last two.
        var page = await HtmlPage.GetAsync(own.CreateClient(), Finland);
        Assert.Equal(50, StatementRows(page).Count());
        var last = await HtmlPage.GetAsync(own.CreateClient(), Finland + "?p=7");
        Assert.Equal(2, StatementRows(last).Count());
        Assert.Equal(few, many);
    }

    private static IEnumerable<IElement> StatementRows(HtmlPage page) => page.Document.QuerySelectorAll("table.statements tbody tr");

    private static async Task WriteAsync(AttributionWebFactory factory, Func<AttributionDbContext, Task> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        await change(db);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Statements of every kind about the Finnish incident: joint, accusing actors and states, quoted from the source, denials answering them.</summary>
    private static Task AddStatementsAsync(AttributionWebFactory factory, int count) => WriteAsync(factory, async db =>
    {
        var incident = await db.Incidents.SingleAsync(i => i.Slug == Slug.Parse("ataque-al-parlamento-de-finlandia"));
        var parties = await db.Parties.OrderBy(p => p.Id).Take(3).ToListAsync();
        var actor = await db.Actors.FirstAsync(a => a.Slug == Slug.Parse("hafnium"));
        var source = await db.Sources.FirstAsync();
        var earlier = await db.Statements.Where(s => s.IncidentId == incident.Id).OrderBy(s => s.Id).FirstAsync();
        var day = new DateOnly(2020, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var denial = i % 4 == 3;
            db.Statements.Add(new AttributionStatement
            {
                Kind = denial ? StatementKind.Denial : StatementKind.Attribution,
                IncidentId = incident.Id,
                Date = i % 5 == 0 ? PartialDate.OfMonth(2020 + (i % 3), 1 + (i % 12)) : PartialDate.OfDay(day.AddDays(i * 3 % 900)),
                Parties = [.. parties.Take(1 + (i % 3)).Select((p, n) => new StatementParty { PartyId = p.Id, Position = n })],
                AccusedActorId = denial ? null : actor.Id,
                AccusedStateCode = denial ? null : CountryCode.Parse("CN"),
                Confidence = new Confidence((ConfidenceLevel)(1 + (i % 7)), "wording"),
                Quote = $"Statement {i}",
                SourceId = source.Id,
                SpanStart = 0,
                SpanEnd = 10,
                Answers = denial ? [new StatementAnswer { AnsweredStatementId = earlier.Id }] : [],
            });
        }
    });
}
