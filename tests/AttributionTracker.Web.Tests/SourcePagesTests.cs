using System.Net;
using System.Text.RegularExpressions;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

public sealed partial class SourcePagesTests(AttributionWebFactory factory)
{
    private const string SeedTitle = "Gran Bretaña se une a EE. UU. para acusar a China del ataque a Microsoft Exchange";

    [Fact]
    public async Task The_source_list_shows_the_seed_article_with_its_statements()
    {
        var page = await HtmlPage.GetAsync(factory.CreateClient(), "/sources");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = Assert.Single(page.Document.QuerySelectorAll("table.sources tbody tr"), r => r.QuerySelector("a")?.TextContent == SeedTitle);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("es", cells[2]);
        Assert.Equal("19 July 2021", cells[3]);
        Assert.True(int.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture) >= 5, $"{cells[4]} statements");
        Assert.Contains(page.Document.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/sources" && a.TextContent == "Sources");
    }

    [Fact]
    public async Task The_seed_source_page_shows_the_whole_text_with_each_statement_marked_on_its_quote()
    {
        var (source, quotes) = await SeedAsync();

        var page = await HtmlPage.GetAsync(factory.CreateClient(), $"/sources/{source.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(SeedTitle, page.Text("h1"));
        Assert.Equal("19 July 2021", page.Text("#published"));
        var paragraphs = page.Document.QuerySelectorAll(".source-text > p");
        Assert.Equal(source.Text.Split(["\n\n", "\r\n\r\n"], StringSplitOptions.RemoveEmptyEntries).Count(p => p.Trim().Length > 0), paragraphs.Length);
        Assert.Equal(NoSpace(source.Text), NoSpace(string.Concat(paragraphs.Select(p => p.TextContent))));
        Assert.All(paragraphs, p => Assert.Contains(p.TextContent, source.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal));

        Assert.NotEmpty(quotes);
        foreach (var (id, quote) in quotes)
        {
            Assert.NotNull(page.Document.GetElementById($"s{id}"));
            var marks = page.Document.QuerySelectorAll("mark.statement-span").Where(m => m.GetAttribute("data-statements")!.Split(' ').Contains($"s{id}")).ToList();
            Assert.Equal(quote, string.Concat(marks.Select(m => m.TextContent)));
            Assert.All(marks, m => Assert.Contains(" by ", m.GetAttribute("title"), StringComparison.Ordinal));
            // Several statements read from one sentence link to the first one's row; the others' rows follow it.
            var row = marks[0].QuerySelector("a")!.GetAttribute("href")!;
            Assert.Equal($"#statement-{marks[0].GetAttribute("data-statements")!.Split(' ')[0][1..]}", row);
            Assert.NotNull(page.Document.GetElementById(row[1..]));
            Assert.NotNull(page.Document.GetElementById($"statement-{id}"));
        }

        Assert.Contains(page.Document.QuerySelectorAll("mark.statement-span"), m => m.GetAttribute("title")!.Contains("Attribution by ", StringComparison.Ordinal));
        Assert.Equal(quotes.Count, page.Document.QuerySelectorAll("table.statements tbody tr").Length);
    }

    [Fact]
    public async Task Every_quote_on_the_home_page_links_to_its_exact_span_in_the_source()
    {
        var client = factory.CreateClient();
        var home = await HtmlPage.GetAsync(client, "/");
        var links = home.Document.QuerySelectorAll("table.statements td a[href^='/sources/']").Select(a => a.GetAttribute("href")!).ToList();

        Assert.NotEmpty(links);
        var pages = new Dictionary<string, HtmlPage>();
        foreach (var link in links)
        {
            var match = QuoteLink().Match(link);
            Assert.True(match.Success, link);
            var path = match.Groups["path"].Value;
            if (!pages.TryGetValue(path, out var page))
            {
                pages[path] = page = await HtmlPage.GetAsync(client, path);
            }

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.True(page.Document.GetElementById(match.Groups["fragment"].Value) is not null, $"{link} has no target");
        }
    }

    [Theory]
    [InlineData("/sources/999999")]
    [InlineData("/sources/not-a-number")]
    public async Task An_unknown_source_gets_the_friendly_not_found_page(string url)
    {
        var page = await HtmlPage.GetAsync(factory.CreateClient(), url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Not found", page.Text("h1"));
    }

    [Fact]
    public async Task Bad_spans_hostile_text_and_odd_addresses_still_give_a_well_formed_page()
    {
        // Its own app: these statements' broken spans must not reach the other tests' home page.
        await using var app = new AttributionWebFactory();
        var client = app.CreateClient();
        const string text = "<script>alert(1)</script> The UK & the US blamed China.\n\nChina denied it.";
        int sourceId;
        int[] ids;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
            var source = new Source
            {
                Title = "Crafted <b>source</b>",
                Language = "en",
                Url = "javascript:alert(1)",
                Text = text,
                TextSha256 = SourceText.Fingerprint(text),
            };
            var blame = text.IndexOf("The UK", StringComparison.Ordinal);
            var denied = text.IndexOf("China denied", StringComparison.Ordinal);
            source.Statements.AddRange(
                Statement(blame, text.IndexOf('.', blame) + 1),
                Statement(blame, text.IndexOf('.', blame) + 1),
                Statement(blame + 4, denied + 5),
                Statement(text.Length + 3, text.Length + 10),
                Statement(denied, text.Length + 40));
            db.Sources.Add(source);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            sourceId = source.Id;
            ids = [.. source.Statements.Select(s => s.Id)];
        }

        var page = await HtmlPage.GetAsync(client, $"/sources/{sourceId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Crafted <b>source</b>", page.Text("h1"));
        Assert.Empty(page.Document.QuerySelectorAll("article script, article b"));
        Assert.Empty(page.Document.QuerySelectorAll("#url a"));
        Assert.Equal("javascript:alert(1)", page.Text("#url"));
        Assert.Contains("<script>alert(1)</script>", page.Text(".source-text > p"), StringComparison.Ordinal);

        // The two identical spans share one mark; the overlapping one continues across the paragraph break.
        var shared = page.Document.GetElementById($"s{ids[0]}");
        Assert.NotNull(shared);
        Assert.Equal("mark", shared.LocalName);
        Assert.Equal($"s{ids[0]} s{ids[1]}", shared.GetAttribute("data-statements"));
        Assert.Equal("span", page.Document.GetElementById($"s{ids[1]}")!.LocalName);
        Assert.Equal("mark", page.Document.GetElementById($"s{ids[2]}")!.LocalName);
        Assert.Equal(2, page.Document.QuerySelectorAll($"mark[data-statements~='s{ids[2]}']").Length);
        Assert.Null(page.Document.GetElementById($"s{ids[3]}"));
        Assert.Null(page.Document.GetElementById($"s{ids[4]}"));
        Assert.Empty(page.Document.QuerySelectorAll("mark mark"));
        Assert.Equal(text.Split("\n\n"), page.Document.QuerySelectorAll(".source-text > p").Select(p => p.TextContent));

        static AttributionStatement Statement(int start, int end) =>
            new() { Kind = StatementKind.Attribution, SpanStart = start, SpanEnd = end, Quote = "q" };
    }

    private async Task<(Source Source, List<(int Id, string Quote)> Quotes)> SeedAsync()
    {
        await factory.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Title == SeedTitle, TestContext.Current.CancellationToken);
        var quotes = await db.Statements.AsNoTracking().Where(s => s.SourceId == source.Id)
            .Select(s => new { s.Id, s.Quote }).ToListAsync(TestContext.Current.CancellationToken);
        return (source, quotes.Select(q => (q.Id, q.Quote!)).ToList());
    }

    private static string NoSpace(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"^(?<path>/sources/\d+)#(?<fragment>s\d+)$")]
    private static partial Regex QuoteLink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
