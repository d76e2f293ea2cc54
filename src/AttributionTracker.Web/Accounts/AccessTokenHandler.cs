using System.Security.Claims;
using System.Text.Encodings.Web;
using AttributionTracker.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AttributionTracker.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer atr_…</c>: a personal access token stands for its owner. The owner's account and roles
/// are read from the store on every request, so a lock, a deletion or a lost role stops the token at once, as it
/// ends a session. Refusals are problem+json (RFC 9457) with the RFC 6750 challenge, never a sign-in redirect.
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    UserManager<Domain.Account> users,
    IUserClaimsPrincipalFactory<Domain.Account> principals) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private string? refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header[(SchemeName.Length + 1)..].Trim();
        var token = await tokens.FindAsync(secret, Context.RequestAborted);
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        refusal = token switch
        {
            null when !AccessTokenSecret.IsWellFormed(secret) => $"This is not a personal access token: one is {AccessTokenSecret.Prefix} and {AccessTokenSecret.Length - AccessTokenSecret.Prefix.Length} more characters.",
            null => "No such token: it was never issued here, or its account was deleted.",
            { RevokedAt: not null } => "This token was revoked.",
            { } t when !t.IsActiveAt(now) => "This token has expired.",
            _ => null,
        };
        if (refusal is not null)
        {
            return AuthenticateResult.Fail(refusal);
        }

        var account = await users.FindByIdAsync(token!.AccountId);
        if (account is null || await users.IsLockedOutAsync(account))
        {
            refusal = "The token's account is locked.";
            return AuthenticateResult.Fail(refusal);
        }

        var fresh = await principals.CreateAsync(account);
        var identity = new ClaimsIdentity(fresh.Claims, SchemeName, ClaimsIdentity.DefaultNameClaimType, ClaimsIdentity.DefaultRoleClaimType);
        await tokens.TouchAsync(token, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 6750 §3: no credentials at all get a bare challenge; bad ones say why.
        Response.Headers.WWWAuthenticate = refusal is null
            ? $"{SchemeName} realm=\"AttributionTracker\""
            : $"{SchemeName} realm=\"AttributionTracker\", error=\"invalid_token\", error_description=\"{refusal.Replace("\"", "'", StringComparison.Ordinal)}\"";
        return ProblemAsync(
            StatusCodes.Status401Unauthorized,
            "Authentication required",
            refusal ?? "Writes need a personal access token: make one on your account page (/account) and send it as 'Authorization: Bearer atr_…'. A signed-in browser session does not count.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "The token's account does not have the editor role (or no longer has it).");

    private Task ProblemAsync(int status, string title, string detail)
    {
        // The HTML status pages are for browsers; an API client gets the problem document itself.
        Context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
    }
}
