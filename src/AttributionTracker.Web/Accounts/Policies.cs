using AttributionTracker.Domain;
using Microsoft.AspNetCore.Authorization;

namespace AttributionTracker.Web.Accounts;

/// <summary>Who may do what: editors (and admins) change records; only admins manage accounts.</summary>
public static class Policies
{
    public const string Editor = "Editor";

    public const string Admin = "Admin";

    /// <summary>Editors and admins through a personal access token only (see <see cref="AccessTokenHandler"/>).</summary>
    public const string ApiEditor = "ApiEditor";

    public static AuthorizationBuilder AddAttributionPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Editor, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin))
        .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
}
