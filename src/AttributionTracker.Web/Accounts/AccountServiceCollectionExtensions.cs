using AttributionTracker.Data;
using AttributionTracker.Data.Accounts;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;

namespace AttributionTracker.Web.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// Identity over the store with cookie sign-in: secure, HTTP-only, same-site cookies; lockout after repeated
    /// failures; no e-mail confirmation (accounts are made by an admin or the command line, never self-registered).
    /// </summary>
    public static IServiceCollection AddAttributionAccounts(this IServiceCollection services)
    {
        services.AddIdentity<Account, IdentityRole>(AccountOptions.Configure)
            .AddEntityFrameworkStores<AttributionDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "attribution.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/Status/403";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;

            // A signed-in account without the role gets a 403 where it asked (the status page says why), not a
            // redirect: the address stays, and scripts and tests see the real answer.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Every request of a signed-in account checks its security stamp, so a lock, a role change or a deletion
        // takes effect at once rather than when the cookie next expires. Only editors and admins pay the query.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.AddScoped<AccountAdministration>();
        services.AddAuthorizationBuilder().AddAttributionPolicies();
        return services;
    }
}
