using System.Net;
using AttributionTracker.Web.Tests.Incidents;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>The incident list answers exactly what the /incidents page lists for the same query; an incident carries its statements.</summary>
public sealed class IncidentApiTests(AttributionWebFactory app)
{
    private const string Exchange = "Explotación de unos 250.000 servidores Microsoft Exchange";

    [Theory]
    [InlineData("")]
    [InlineData("?accused=CN&conf=highly-likely")]
    [InlineData("?conf=almost-certain&confmode=exactly")]
    [InlineData("?conf=6&confmode=exactly")]
    [InlineData("?kind=denial")]
    [InlineData("?by=microsoft")]
    [InlineData("?accuser=US")]
    [InlineData("?accuser=CN&kind=attribution")]
    [InlineData("?actor=hafnio")]
    [InlineData("?actor=Ministerio%20de%20Seguridad%20del%20Estado")]
    [InlineData("?year=2020")]
    [InlineData("?q=finlandia")]
    [InlineData("?q=explotacion")]
    [InlineData("?asof=2021-01-01")]
    [InlineData("?sort=name-asc")]
    [InlineData("?sort=statements-desc&accused=CN")]
    public async Task The_API_lists_the_incidents_the_page_lists_for_the_same_query_in_the_same_order(string query)
    {
        var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/incidents" + query);
        var answer = await ApiAnswer.GetAsync(client, "/api/v1/incidents" + query);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(IncidentListTests.IncidentNames(page), answer.ItemStrings("name"));
        Assert.Equal(page.Links("/incidents/").Select(a => a.GetAttribute("href")),
            answer.Items.EnumerateArray().Select(i => i.At("links", "html")));
    }

    [Fact]
    public async Task A_row_is_described_by_its_matching_statements()
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/incidents?accused=CN&conf=highly-likely");

        var exchange = answer.Items.EnumerateArray().Single(i => i.At("name") == Exchange);
        Assert.Equal("1", exchange.At("statements"));
        Assert.Equal("highly-likely", exchange.At("highestConfidence"));
        Assert.Equal(["national-cyber-security-centre"], exchange.Each("accusers").Select(p => p.At("slug")));
        Assert.Equal("GB", exchange.Each("accusers").Single().At("state"));
        Assert.Equal(["GB"], exchange.Each("accusingStates").Select(s => s.At("code")));
        Assert.Equal(["hafnium"], exchange.Each("accusedActors").Select(a => a.At("slug")));
        Assert.Equal("China", exchange.Each("accusedStates").Single().At("name"));
        Assert.Equal("/api/v1/states/CN", exchange.Each("accusedStates").Single().At("links", "self"));
    }

    [Fact]
    public async Task An_incident_has_its_facts_partial_dates_and_statements_with_confidence_and_source()
    {
        var client = app.CreateClient();
        var slug = (await ApiAnswer.GetAsync(client, "/api/v1/incidents?q=exchange")).Items[0].At("slug");
        var incident = (await ApiAnswer.GetAsync(client, $"/api/v1/incidents/{slug}")).Json;

        Assert.Equal(Exchange, incident.At("name"));
        Assert.Equal("early 2021", incident.At("startDate", "value"));
        Assert.Equal("early-year", incident.At("startDate", "precision"));
        var ncsc = incident.Each("statements").Single(s => s.Each("parties").Any(p => p.At("slug") == "national-cyber-security-centre"));
        Assert.Equal("attribution", ncsc.At("kind"));
        Assert.Equal("highly-likely", ncsc.At("confidence", "level"));
        Assert.Equal("muy probable", ncsc.At("confidence", "wording"));
        Assert.Equal("hafnium", ncsc.At("accusedActor", "slug"));
        Assert.Equal("CN", ncsc.At("accusedState", "code"));
        Assert.Equal("2021-07-19", ncsc.At("date", "value"));
        Assert.NotNull(ncsc.At("source", "spanStart"));
        var microsoft = incident.Each("statements").First(s => s.Each("parties").Any(p => p.At("slug") == "microsoft"));
        Assert.Null(microsoft.At("confidence", "level"));
        Assert.Equal($"/incidents/{slug}", incident.At("links", "html"));
    }

    [Fact]
    public async Task As_of_a_day_an_incident_shows_only_the_statements_public_by_then()
    {
        var client = app.CreateClient();
        var slug = (await ApiAnswer.GetAsync(client, "/api/v1/incidents?q=exchange")).Items[0].At("slug");

        var before = (await ApiAnswer.GetAsync(client, $"/api/v1/incidents/{slug}?asof=2021-07-18")).Json;
        var after = (await ApiAnswer.GetAsync(client, $"/api/v1/incidents/{slug}?asof=2021-07-19")).Json;

        Assert.Empty(before.Each("statements"));
        Assert.NotEmpty(after.Each("statements"));
    }
}
