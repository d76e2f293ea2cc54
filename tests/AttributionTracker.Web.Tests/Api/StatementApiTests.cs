using System.Net;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>Statements as the seed article has them: the NCSC's "muy probable" about HAFNIUM, China's denial of Microsoft.</summary>
public sealed class StatementApiTests(AttributionWebFactory app)
{
    [Fact]
    public async Task The_NCSC_statement_about_HAFNIUM_has_its_confidence_in_both_forms_and_its_quote_at_its_span()
    {
        var client = app.CreateClient();
        var list = await ApiAnswer.GetAsync(client, "/api/v1/statements?by=national-cyber-security-centre&actor=hafnium");
        var summary = Assert.Single(list.Items.EnumerateArray());
        var statement = (await ApiAnswer.GetAsync(client, summary.At("links", "self")!)).Json;
        var source = (await ApiAnswer.GetAsync(client, statement.At("source", "links", "self") + "?include=text")).Json;

        Assert.Equal(summary.At("id"), statement.At("id"));
        Assert.Equal("attribution", statement.At("kind"));
        Assert.Equal("highly-likely", statement.At("confidence", "level"));
        Assert.Equal("muy probable", statement.At("confidence", "wording"));
        Assert.Equal("HAFNIUM", statement.At("accusedActor", "name"));
        Assert.Equal("CN", statement.At("accusedState", "code"));
        Assert.Equal("day", statement.At("date", "precision"));
        Assert.Equal("es", statement.At("quoteLanguage"));
        var (start, end) = (int.Parse(statement.At("source", "spanStart")!), int.Parse(statement.At("source", "spanEnd")!));
        Assert.Contains("muy probable", source.At("text")![start..end], StringComparison.Ordinal);
        Assert.Equal($"/sources/{statement.At("source", "id")}#s{statement.At("id")}", statement.At("source", "links", "html"));
        Assert.Null(statement.At("retraction"));
        Assert.EndsWith("Z", statement.At("updatedAt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chinas_denial_answers_Microsofts_accusation_and_each_links_the_other()
    {
        var client = app.CreateClient();
        var denial = Assert.Single((await ApiAnswer.GetAsync(client, "/api/v1/statements?kind=denial")).Items.EnumerateArray());
        var answered = Assert.Single(denial.Each("answers"));
        var accusation = (await ApiAnswer.GetAsync(client, answered.At("links", "self")!)).Json;

        Assert.Equal("CN", (await ApiAnswer.GetAsync(client, denial.Each("parties").First().At("links", "self")!)).Json.At("state", "code"));
        Assert.Equal("Microsoft", answered.At("leadParty"));
        Assert.Equal(["microsoft"], accusation.Each("parties").Select(p => p.At("slug")));
        Assert.Equal([denial.At("id")], accusation.Each("answeredBy").Select(a => a.At("id")));
    }

    [Theory]
    [InlineData("?accuser=GB", 4)]
    [InlineData("?accused=CN&conf=almost-certain", 1)]
    [InlineData("?year=2020", 1)]
    [InlineData("", 8)]
    public async Task The_statement_list_takes_the_incident_lists_filters(string query, int expected)
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/statements" + query);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Json.At("total"));
    }

    [Fact]
    public async Task Statements_come_newest_first()
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/statements");

        var starts = answer.Items.EnumerateArray().Select(s => s.At("date", "start") ?? "").ToList();
        Assert.Equal(starts.OrderDescending(StringComparer.Ordinal), starts);
    }
}
