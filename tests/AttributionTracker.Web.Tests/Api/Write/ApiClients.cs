using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AttributionTracker.Data;
using AttributionTracker.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Api.Write;

/// <summary>An account with a token, and clients that send it.</summary>
internal sealed record TokenHolder(string Email, string Secret);

internal static class ApiClients
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new account with the role and a token issued to it as the account page issues one.</summary>
    public static async Task<TokenHolder> TokenHolderAsync(this AttributionWebFactory app, string? role, int? days = null)
    {
        var email = await app.AddAccountAsync(role);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var id = await db.Users.Where(u => u.UserName == email).Select(u => u.Id).SingleAsync(Ct);
        var issued = await scope.ServiceProvider.GetRequiredService<AccessTokens>().IssueAsync(id, "test script", days, Ct);
        return new TokenHolder(email, issued.Secret);
    }

    /// <summary>A client that sends <c>Authorization: Bearer {secret}</c> on every request, and no cookie.</summary>
    public static HttpClient BearerClient(this AttributionWebFactory app, string secret)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Ct);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Ct);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    /// <summary>The field names a 400 validation problem lists.</summary>
    public static async Task<Dictionary<string, string>> ErrorsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.JsonAsync();
        return json.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => string.Join(" ", p.Value.EnumerateArray().Select(e => e.GetString())));
    }
}
