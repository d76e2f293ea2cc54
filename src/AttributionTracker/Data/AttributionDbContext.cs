using AttributionTracker.Data.History;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AttributionTracker.Data;

/// <summary>
/// The store, on SQLite or PostgreSQL (<see cref="StoreOptions.Provider"/>). Each engine has its own migrations:
/// SQLite's in this assembly (<c>Data/Migrations/Sqlite</c>), PostgreSQL's in <c>AttributionTracker.Migrations.Postgres</c>.
/// After changing the model add a migration to both with <c>tools/add-migration.sh NAME</c>.
/// </summary>
public sealed class AttributionDbContext(DbContextOptions<AttributionDbContext> options) : IdentityDbContext<Account>(options)
{
    public DbSet<State> States => Set<State>();

    public DbSet<StateName> StateNames => Set<StateName>();

    public DbSet<Actor> Actors => Set<Actor>();

    public DbSet<ActorAlias> ActorAliases => Set<ActorAlias>();

    public DbSet<ActorRelation> ActorRelations => Set<ActorRelation>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<PartyAlias> PartyAliases => Set<PartyAlias>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<AttributionStatement> Statements => Set<AttributionStatement>();

    public DbSet<ReferenceLoad> ReferenceLoads => Set<ReferenceLoad>();

    public DbSet<RecordChange> RecordChanges => Set<RecordChange>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    /// <summary>Written into <see cref="IAudited.UpdatedBy"/> of whatever this context saves.</summary>
    public string? ChangedBy { get; set; }

    /// <summary>The clock for audit stamps; tests replace it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether saves write <see cref="RecordChanges"/>. Off only for reference-data loads, which are recorded per
    /// file and hash in <see cref="ReferenceLoads"/> instead of per record (a galaxy load touches thousands).
    /// </summary>
    public bool RecordHistory { get; set; } = true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AttributionDbContext).Assembly);
        StoreFunctions.Register(builder, Database.IsNpgsql(), this.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(bool))!);
        if (Database.IsNpgsql())
        {
            UnboundedText(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<CountryCode>().HaveConversion<CountryCodeConverter>().HaveMaxLength(2);
        configurationBuilder.Properties<Slug>().HaveConversion<SlugConverter>().HaveMaxLength(Slug.MaxLength);

        // Names, not numbers, so the database reads on its own and reordering an enum cannot corrupt it.
        // ConfidenceLevel stays numeric: "at least highly likely" is a comparison.
        configurationBuilder.Properties<ActorKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ActorRelationKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PartyKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<StatementKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IncidentType>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<StateNameKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DatePrecision>().HaveConversion<string>().HaveMaxLength(16);

        if (Database.IsNpgsql())
        {
            // PostgreSQL stores instants as timestamptz, which Npgsql accepts only in UTC. The store's times are UTC
            // throughout; a time without a kind (a test's literal, a value read from SQLite) is taken as UTC too.
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    /// <summary>
    /// On PostgreSQL strings are <c>text</c>, not <c>varchar(n)</c>: SQLite never enforced the lengths the
    /// configurations give, so a store must accept on one engine what it accepts on the other (a long quote, a long
    /// title). Fixed-length columns (hashes) keep their type.
    /// </summary>
    private static void UnboundedText(ModelBuilder builder)
    {
        static IEnumerable<IMutableProperty> Properties(IMutableTypeBase type) =>
            type.GetDeclaredProperties().Concat(type.GetDeclaredComplexProperties().SelectMany(c => Properties(c.ComplexType)));

        foreach (var property in builder.Model.GetEntityTypes().SelectMany(Properties))
        {
            if (property.GetMaxLength() is not null && property.IsFixedLength() != true)
            {
                property.SetMaxLength(null);
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Stamp();
        var changes = RecordHistory ? ChangeRecorder.Capture(ChangeTracker) : [];
        if (changes.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        RecordChanges.AddRange(Records(changes));
        base.SaveChanges(acceptAllChangesOnSuccess);
        transaction?.Commit();
        return saved;
    }

    /// <summary>
    /// Saves, and in the same transaction records each change (its own, when the caller has none): the history can
    /// never miss a change that was saved, nor hold one that was rolled back.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Stamp();
        var changes = RecordHistory ? ChangeRecorder.Capture(ChangeTracker) : [];
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        RecordChanges.AddRange(Records(changes));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    private IEnumerable<RecordChange> Records(List<PendingChange> changes)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        return changes.Select(c => c.ToRecord(now, ChangedBy));
    }

    private void Stamp()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (EntityEntry<IAudited> entry in ChangeTracker.Entries<IAudited>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAt = now;
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedBy ??= ChangedBy;
                    entry.Entity.Version = 1;
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedBy = ChangedBy ?? entry.Entity.UpdatedBy;
                    entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
                    break;
            }
        }
    }
}
