using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Authentication;

namespace AttributionTracker.Web.Accounts;

public static class AccessTokenServiceCollectionExtensions
{
    /// <summary>
    /// Personal access tokens as a second authentication scheme, used only where a policy names it (the JSON API's
    /// writes): the session cookie stays the default for pages, and is never accepted by those endpoints.
    /// </summary>
    public static IServiceCollection AddAccessTokens(this IServiceCollection services)
    {
        services.AddScoped<AccessTokens>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policies.ApiEditor, policy => policy
            .AddAuthenticationSchemes(AccessTokenHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Editor, Roles.Admin));
        return services;
    }
}
