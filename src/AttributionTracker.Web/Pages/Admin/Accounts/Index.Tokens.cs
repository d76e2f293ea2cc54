using AttributionTracker.Data.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace AttributionTracker.Web.Pages.Admin.Accounts;

/// <summary>An admin stops every personal access token of an account (a leaked token, a departing editor).</summary>
public sealed partial class IndexModel
{
    public Task<IActionResult> OnPostRevokeTokensAsync(string id, [FromServices] AccessTokens tokens, CancellationToken cancellationToken) =>
        ChangeAsync(id, "revoke the tokens of", cancellationToken, async account =>
        {
            var count = await tokens.RevokeAllAsync(account.Id, User.Identity?.Name ?? "admin", cancellationToken);
            return ([], count == 1 ? $"The token of {account.Email} is revoked." : $"{count} tokens of {account.Email} are revoked.");
        });
}
