using System.Net;
using System.Text.Json;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>Paging: following next from the first page visits every row exactly once; the other links agree.</summary>
public sealed class ApiPagingTests(AttributionWebFactory app)
{
    [Theory]
    [InlineData("/api/v1/statements?pageSize=3", "id")]
    [InlineData("/api/v1/parties?all=true&pageSize=40", "slug")]
    [InlineData("/api/v1/states?all=true&pageSize=200", "code")]
    [InlineData("/api/v1/actors?pageSize=200&asof=2021-07-19", "slug")]
    public async Task Following_next_links_visits_every_row_exactly_once(string url, string key)
    {
        var client = app.CreateClient();
        var seen = new List<string>();
        var first = await ApiAnswer.GetAsync(client, url);
        var total = first.Json.GetProperty("total").GetInt32();
        var pages = 0;
        for (var answer = first; ; answer = await ApiAnswer.GetAsync(client, answer.Json.At("links", "next")!))
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            seen.AddRange(answer.Items.EnumerateArray().Select(i => i.GetProperty(key).ToString()));
            pages++;
            if (answer.Json.At("links", "next") is null)
            {
                Assert.Equal(answer.Json.At("links", "last"), answer.Json.At("links", "self"));
                break;
            }
        }

        Assert.True(total > 0);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(first.Json.GetProperty("lastPage").GetInt32(), pages);
    }

    [Fact]
    public async Task Page_links_keep_the_filters_page_size_and_as_of_day()
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/statements?accused=CN&pageSize=2&page=2&asof=2021-07-19");

        Assert.Equal(2, answer.Json.GetProperty("page").GetInt32());
        Assert.Equal("/api/v1/statements?accused=CN&pageSize=2&asof=2021-07-19&page=1", answer.Json.At("links", "prev"));
        Assert.Equal("/api/v1/statements?accused=CN&pageSize=2&asof=2021-07-19&page=1", answer.Json.At("links", "first"));
        Assert.Equal("/api/v1/statements?accused=CN&pageSize=2&asof=2021-07-19&page=3", answer.Json.At("links", "next"));
        Assert.Equal(JsonValueKind.Array, answer.Items.ValueKind);
        Assert.Equal(2, answer.Items.GetArrayLength());
    }

    [Fact]
    public async Task A_page_past_the_last_is_empty_and_points_back()
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/statements?page=99");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(0, answer.Items.GetArrayLength());
        Assert.Null(answer.Json.At("links", "next"));
        Assert.Equal(answer.Json.At("links", "last"), answer.Json.At("links", "prev"));
    }

    [Fact]
    public async Task Fifty_rows_come_by_default()
    {
        var answer = await ApiAnswer.GetAsync(app.CreateClient(), "/api/v1/actors");

        Assert.Equal(50, answer.Json.GetProperty("pageSize").GetInt32());
        Assert.Equal(50, answer.Items.GetArrayLength());
        Assert.True(answer.Json.GetProperty("total").GetInt32() > 50);
    }
}
