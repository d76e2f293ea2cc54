using AttributionTracker.Data;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Pages;

namespace AttributionTracker.Web;

/// <summary>
/// Brings the store up to date (migrations, reference files, the first admin) as a hosted service that starts beside
/// the web server (<see cref="HostOptions.ServicesStartConcurrently"/>): the server builds its pipeline and binds on one
/// core while the store is checked on the other, and a request that arrives in between waits at
/// <see cref="UseStoreGate"/>. The host, and so a test's WebApplicationFactory, counts as started only when both are
/// done. A store that cannot be brought up to date is one critical line (<see cref="StoreUnavailableException"/>), the
/// host stops once started and <see cref="Failed"/> says so; any other failure fails the start as before.
/// </summary>
public sealed class StoreStartup(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    HomeMatrixCache matrix,
    ILogger<StoreStartup> logger) : IHostedService
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the store is ready; faults when it cannot be.</summary>
    public Task Ready => ready.Task;

    /// <summary>Whether the store could not be brought up to date (the process should exit with 1).</summary>
    public bool Failed => ready.Task is { IsFaulted: true, Exception.InnerException: StoreUnavailableException };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The host calls each service's StartAsync in turn and runs them side by side only from their first real
        // wait; SQLite's "async" calls never wait, so without this the whole check would run before the server starts.
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
            scope.ServiceProvider.GetRequiredService<AttributionDbContext>().ChangedBy = "configuration";
            await FirstAdmin.EnsureAsync(scope.ServiceProvider, configuration, logger, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            // A configuration mistake, not a bug: say what to fix, once, and stop.
            logger.LogCritical("Cannot start: {Problem}", e.Message);
            ready.TrySetException(e);

            // Stopping during the start would cancel it and fail the host with a stack trace: stop once it has started.
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
            return;
        }
        catch (Exception e)
        {
            ready.TrySetException(e);
            throw;
        }

        logger.LogInformation("Store ready {Ready:F2} s after the process started (host built at {Built:F2} s); logs in {LogFolder}",
            StartupClock.Elapsed.TotalSeconds, StartupClock.HostBuilt.TotalSeconds, LogFolder.Resolve(configuration));
        ready.TrySetResult();

        // The home page's matrix aggregates the whole store: start it now, beside the rest of the start-up, rather
        // than at the first reader's request.
        _ = Task.Run(matrix.WarmAsync, CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        ready.TrySetCanceled(CancellationToken.None);
        return Task.CompletedTask;
    }
}

public static class StoreStartupExtensions
{
    /// <summary>Checks the store beside the server's own start (see <see cref="StoreStartup"/>).</summary>
    public static IServiceCollection AddStoreStartup(this IServiceCollection services)
    {
        services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        services.AddSingleton<StoreStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<StoreStartup>());
        return services;
    }

    /// <summary>
    /// Holds a request that arrives while the store is still being checked until it is ready; answers 503 when it
    /// cannot be (the app is then stopping). Once the store is ready this is one completed-task check per request.
    /// </summary>
    public static IApplicationBuilder UseStoreGate(this IApplicationBuilder app)
    {
        var startup = app.ApplicationServices.GetRequiredService<StoreStartup>();
        return app.Use(async (context, next) =>
        {
            var ready = startup.Ready;
            if (!ready.IsCompletedSuccessfully)
            {
                try
                {
                    await ready.WaitAsync(context.RequestAborted);
                }
                catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "10";
                    await context.Response.WriteAsync("The store is not available; the server is stopping (see its log).");
                    return;
                }
            }

            await next(context);
        });
    }
}
