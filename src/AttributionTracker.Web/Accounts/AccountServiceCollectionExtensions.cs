using AttributionTracker.Data;
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
        services.AddIdentity<Account, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireDigit = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.SignIn.RequireConfirmedAccount = false;
            })
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
        });

        services.AddAuthorizationBuilder().AddAttributionPolicies();
        return services;
    }
}
