using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Cli.Commands.Users;

/// <summary>
/// The store opened for one `users` command: brought up to date (roles exist), with changes recorded in history as
/// made from the command line.
/// </summary>
internal sealed class AccountStore : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope scope;

    private AccountStore(ServiceProvider provider)
    {
        this.provider = provider;
        scope = provider.CreateAsyncScope();
    }

    public AccountAdministration Accounts => scope.ServiceProvider.GetRequiredService<AccountAdministration>();

    public IServiceProvider Services => scope.ServiceProvider;

    public static async Task<AccountStore> OpenAsync(StoreFactory stores, StoreSettings settings, CancellationToken cancellationToken)
    {
        var store = new AccountStore(stores.Create(settings));
        await store.scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        store.scope.ServiceProvider.GetRequiredService<AttributionDbContext>().ChangedBy = UserCommands.ChangedBy;
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
    }
}
