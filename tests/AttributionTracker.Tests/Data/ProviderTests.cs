using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Data;

/// <summary>What holds for both engines whichever one the tests run on: each model matches its migrations, SQLite's
/// history is the one existing stores have, and a PostgreSQL store that cannot be used says so in one line.</summary>
public sealed class ProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The ids of the migrations stores made before PostgreSQL support hold in __EFMigrationsHistory: they must not change.
    private static readonly string[] SqliteMigrationsBeforePostgres =
    [
        "20261129025454_InitialModel", "20261129052450_SiteSearch", "20261129061350_AccountsAndHistory",
        "20261129062456_ActorMerges", "20261129085635_PersonalAccessTokens",
    ];

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public void Each_engines_model_matches_its_migrations(StoreProvider provider)
    {
        // Neither check opens a connection, so both engines are checked on every run.
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model differs from its last migration: run tools/add-migration.sh NAME.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SQLite_keeps_the_migration_ids_existing_stores_recorded()
    {
        using var db = Context(StoreProvider.Sqlite);

        Assert.Equal(SqliteMigrationsBeforePostgres, db.Database.GetMigrations().Take(SqliteMigrationsBeforePostgres.Length));
    }

    [Fact]
    public void PostgreSQL_migrations_live_in_their_own_assembly()
    {
        using var db = Context(StoreProvider.Postgres);

        Assert.DoesNotContain(db.Database.GetMigrations(), SqliteMigrationsBeforePostgres.Contains);
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_SiteSearch", StringComparison.Ordinal));
    }

    [Fact]
    public void PostgreSQL_without_a_connection_string_is_a_one_line_error()
    {
        var options = new StoreOptions { Provider = StoreProvider.Postgres };

        var error = Assert.Throws<StoreUnavailableException>(options.ResolveConnectionString);
        Assert.Contains("Database:ConnectionString", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_PostgreSQL_server_that_cannot_be_reached_is_a_one_line_error_naming_it()
    {
        // Port 1 on this machine: nothing listens, the connection is refused at once.
        var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Password=x", SeedOnStart = false };
        var builder = new DbContextOptionsBuilder<AttributionDbContext>();
        builder.UseAttributionStore(options);
        await using var db = new AttributionDbContext(builder.Options);
        var initializer = new StoreInitializer(db, options, null!, null!, NullLogger<StoreInitializer>.Instance);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => initializer.InitializeAsync(Ct));
        Assert.Contains("nowhere on 127.0.0.1:1 as nobody", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static AttributionDbContext Context(StoreProvider provider)
    {
        var builder = new DbContextOptionsBuilder<AttributionDbContext>();
        builder.UseAttributionStore(new StoreOptions
        {
            Provider = provider,
            ConnectionString = provider == StoreProvider.Postgres ? "Host=127.0.0.1;Database=unused" : "Data Source=:memory:",
        });
        return new AttributionDbContext(builder.Options);
    }
}
