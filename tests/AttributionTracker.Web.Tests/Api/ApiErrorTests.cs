using System.Net;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>Every refusal is problem details naming what is wrong, in the pages' words; never a page, never a stack trace.</summary>
public sealed class ApiErrorTests(AttributionWebFactory app)
{
    [Theory]
    [InlineData("?accused=ZZ", "accused")]
    [InlineData("?accused=China", "accused")]
    [InlineData("?year=99999", "year")]
    [InlineData("?conf=12", "conf")]
    [InlineData("?kind=rumour", "kind")]
    [InlineData("?by=nobody-at-all", "by")]
    [InlineData("?sort=colour", "sort")]
    public async Task A_bad_incident_filter_gets_the_message_the_page_shows_beside_its_field(string query, string field)
    {
        var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/incidents" + query);
        var answer = await ApiAnswer.GetAsync(client, "/api/v1/incidents" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal([page.Text($"#f-{field}-error")], answer.ErrorsFor(field));
    }

    [Fact]
    public async Task Every_bad_value_is_listed_at_once_under_its_own_name()
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/statements?year=99999&conf=12&page=0&pageSize=500");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(400, answer.Json.GetProperty("status").GetInt32());
        Assert.Contains("not a year", Assert.Single(answer.ErrorsFor("year")), StringComparison.Ordinal);
        Assert.Contains("not a confidence", Assert.Single(answer.ErrorsFor("conf")), StringComparison.Ordinal);
        Assert.Contains("not a page number", Assert.Single(answer.ErrorsFor("page")), StringComparison.Ordinal);
        Assert.Contains("from 1 to 200", Assert.Single(answer.ErrorsFor("pageSize")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/actors?accused=maybe", "accused")]
    [InlineData("/api/v1/parties?kind=church", "kind")]
    [InlineData("/api/v1/states?all=yes", "all")]
    [InlineData("/api/v1/sources/1?include=everything", "include")]
    [InlineData("/api/v1/actors/hafnium?asof=19-07-2021", "asof")]
    [InlineData("/api/v1/statements?asof=2021-02-30", "asof")]
    public async Task Other_bad_values_are_refused_by_name(string url, string field)
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.NotEmpty(answer.ErrorsFor(field));
    }

    [Fact]
    public async Task A_malformed_as_of_day_gets_the_pages_message()
    {
        var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/actors/hafnium?asof=yesterday");
        var answer = await ApiAnswer.GetAsync(client, "/api/v1/actors/hafnium?asof=yesterday");

        var message = Assert.Single(answer.ErrorsFor("asof"));
        Assert.Contains(message, page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/actors/no-such-actor")]
    [InlineData("/api/v1/actors/Not%20A%20Slug")]
    [InlineData("/api/v1/incidents/no-such-incident")]
    [InlineData("/api/v1/parties/no-such-party")]
    [InlineData("/api/v1/states/zz")]
    [InlineData("/api/v1/states/china")]
    [InlineData("/api/v1/statements/999999")]
    [InlineData("/api/v1/sources/999999")]
    [InlineData("/api/v1/statements/abc")]
    [InlineData("/api/v1/no-such-list")]
    [InlineData("/api/v2/actors")]
    public async Task An_unknown_record_or_address_is_a_404_problem_not_a_page(string url)
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), url);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(404, answer.Json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(answer.Json.At("detail")));
    }

    [Fact]
    public async Task A_statement_made_after_the_as_of_day_is_not_found_and_says_why()
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/statements/1?asof=2021-01-01");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("Statement 1 was not public by the as-of day 2021-01-01.", answer.Json.At("detail"));
    }

    [Fact]
    public async Task A_write_to_a_read_address_is_a_405_problem_not_a_page()
    {
        using var response = await app.CreateClient().DeleteAsync("/api/v1/actors/hafnium", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
