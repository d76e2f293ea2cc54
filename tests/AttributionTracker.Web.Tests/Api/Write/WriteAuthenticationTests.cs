using System.Net;
using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
using AttributionTracker.Web.Tests.Statements;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Api.Write;

/// <summary>Who may write through the API: editors' and admins' live tokens, nobody else, never a browser session.</summary>
[Collection(nameof(WriteApiCollection))]
public sealed class WriteAuthenticationTests(WriteApiApp fixture)
{
    private readonly AttributionWebFactory app = fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object NewParty() => new { name = $"Test agency {Guid.NewGuid():N}"[..24], kind = "Agency", state = "FI" };

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string? error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (await response.JsonAsync()).GetProperty("status").GetInt32());
        if (status == HttpStatusCode.Unauthorized)
        {
            var challenge = Assert.Single(response.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            if (error is null)
            {
                Assert.DoesNotContain("error=", challenge.Parameter, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains($"error=\"{error}\"", challenge.Parameter, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Without_a_token_a_write_gets_401_with_a_bare_challenge_not_a_sign_in_redirect()
    {
        using var response = await app.Client().PostJsonAsync("/api/v1/parties", NewParty());

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, error: null);
    }

    [Theory]
    [InlineData("atr_short")]
    [InlineData("not-a-token-at-all")]
    [InlineData("atr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Malformed_and_unknown_tokens_get_401_invalid_token(string secret)
    {
        var before = await app.CountsAsync();

        using var response = await app.BearerClient(secret).PostJsonAsync("/api/v1/parties", NewParty());

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_revoked_token_gets_401_and_says_it_was_revoked()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Created, (await app.BearerClient(holder.Secret).PostJsonAsync("/api/v1/parties", NewParty())).StatusCode);
        await app.QueryAsync(db => db.PersonalAccessTokens.Where(t => t.SecretHash == AccessTokenSecret.Hash(holder.Secret))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTime.UtcNow), Ct));

        using var response = await app.BearerClient(holder.Secret).PostJsonAsync("/api/v1/parties", NewParty());

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Contains("revoked", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_gets_401_and_says_it_expired()
    {
        var holder = await app.TokenHolderAsync(Roles.Editor, days: 30);
        await app.QueryAsync(db => db.PersonalAccessTokens.Where(t => t.SecretHash == AccessTokenSecret.Hash(holder.Secret))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct));

        using var response = await app.BearerClient(holder.Secret).PostJsonAsync("/api/v1/parties", NewParty());

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Contains("expired", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_of_an_account_without_the_editor_role_gets_403_and_writes_nothing()
    {
        var holder = await app.TokenHolderAsync(role: null);
        var before = await app.CountsAsync();

        using var response = await app.BearerClient(holder.Secret).PostJsonAsync("/api/v1/parties", NewParty());

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, null);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_signed_in_editor_s_browser_session_cannot_write_through_the_api()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);
        var before = await app.CountsAsync();

        using var response = await client.PostJsonAsync("/api/v1/parties", NewParty());

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, error: null);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task Taking_the_editor_role_away_or_locking_the_account_stops_its_token_at_once()
    {
        var demoted = await app.TokenHolderAsync(Roles.Editor);
        var locked = await app.TokenHolderAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Created, (await app.BearerClient(demoted.Secret).PostJsonAsync("/api/v1/parties", NewParty())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.BearerClient(locked.Secret).PostJsonAsync("/api/v1/parties", NewParty())).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = (await users.FindByNameAsync(demoted.Email))!;
            await users.RemoveFromRoleAsync(account, Roles.Editor);
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync(locked.Email))!, DateTimeOffset.MaxValue);
        }

        using var afterDemotion = await app.BearerClient(demoted.Secret).PostJsonAsync("/api/v1/parties", NewParty());
        using var afterLock = await app.BearerClient(locked.Secret).PostJsonAsync("/api/v1/parties", NewParty());

        await AssertRefusedAsync(afterDemotion, HttpStatusCode.Forbidden, null);
        await AssertRefusedAsync(afterLock, HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task An_admin_s_token_writes_and_its_use_is_noted_as_last_used()
    {
        var holder = await app.TokenHolderAsync(Roles.Admin);

        using var response = await app.BearerClient(holder.Secret).PostJsonAsync("/api/v1/parties", NewParty());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lastUsed = await app.QueryAsync(db => db.PersonalAccessTokens.Where(t => t.SecretHash == AccessTokenSecret.Hash(holder.Secret)).Select(t => t.LastUsedAt).SingleAsync(Ct));
        Assert.NotNull(lastUsed);
    }
}
