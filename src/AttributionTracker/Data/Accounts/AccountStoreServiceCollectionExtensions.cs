using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Data.Accounts;

public static class AccountStoreServiceCollectionExtensions
{
    /// <summary>
    /// Accounts without sign-in, for programs that manage them but serve no pages (the command line): Identity's
    /// user and role managers over the store, with the web app's password and lockout rules.
    /// </summary>
    public static IServiceCollection AddAttributionAccountStore(this IServiceCollection services)
    {
        services.AddIdentityCore<Account>(AccountOptions.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AttributionDbContext>();
        services.AddScoped<AccountAdministration>();
        return services;
    }
}
