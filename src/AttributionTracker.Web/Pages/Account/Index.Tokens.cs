using System.ComponentModel.DataAnnotations;
using AttributionTracker.Data.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace AttributionTracker.Web.Pages.Account;

/// <summary>Personal access tokens on the account page: made, shown once, listed and revoked by their owner.</summary>
public sealed partial class IndexModel
{
    public IReadOnlyList<Domain.PersonalAccessToken> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just made: in this one answer only, never stored or sent again.</summary>
    public string? IssuedSecret { get; private set; }

    public string? IssuedName { get; private set; }

    /// <summary>Tokens write through the API, which only editors and admins may do.</summary>
    public bool CanUseTokens => Roles.Contains(Domain.Roles.Editor) || Roles.Contains(Domain.Roles.Admin);

    public DateTime Now { get; } = DateTime.UtcNow;

    public async Task<IActionResult> OnPostCreateTokenAsync([FromForm(Name = "Token")] TokenInput token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!CanUseTokens)
        {
            return Forbid();
        }

        OnlyFieldsOf("Token");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var issued = await tokens.IssueAsync(Account.Id, token.Name, token.ExpiresInDays, cancellationToken);
        logger.LogInformation("{Account} created the personal access token {TokenId} ({TokenName})", Account.Email, issued.Token.Id, issued.Token.Name);
        IssuedSecret = issued.Secret;
        IssuedName = issued.Token.Name;
        Tokens = await tokens.ListAsync(Account.Id, cancellationToken);

        // Shown here and nowhere else: not redirected (it would have to travel in a cookie), and never cached.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(int tokenId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!await tokens.RevokeAsync(tokenId, Account.Id, Account.UserName!, cancellationToken))
        {
            return NotFound();
        }

        logger.LogInformation("{Account} revoked their personal access token {TokenId}", Account.Email, tokenId);
        Done = "The token is revoked: scripts using it are refused from now on.";
        return RedirectToPage();
    }

    /// <summary>The password form's (empty) fields are bound on every post of this page; they are not this form's errors.</summary>
    private void OnlyFieldsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Name the token after what will use it (\"nightly import\").")]
        [StringLength(AccessTokens.MaxNameLength, ErrorMessage = "A token's name is at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Range(1, AccessTokens.MaxDays, ErrorMessage = "Between {1} and {2} days, or blank for a token that does not expire.")]
        [Display(Name = "Expires after (days)")]
        public int? ExpiresInDays { get; set; }
    }
}
