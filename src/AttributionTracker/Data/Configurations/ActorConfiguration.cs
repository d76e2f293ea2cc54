using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        builder.ConfigureAudit();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasOne(a => a.SponsorState).WithMany().HasForeignKey(a => a.SponsorStateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Aliases).WithOne().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.ExternalIds).WithOne().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.References).WithOne().HasForeignKey(r => r.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.RelationsFrom).WithOne(r => r.FromActor).HasForeignKey(r => r.FromActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.RelationsTo).WithOne(r => r.ToActor).HasForeignKey(r => r.ToActorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActorAliasConfiguration : IEntityTypeConfiguration<ActorAlias>
{
    public void Configure(EntityTypeBuilder<ActorAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.Property(a => a.Language).HasMaxLength(2);
        builder.Property(a => a.Origin).HasMaxLength(32);
        builder.HasIndex(a => a.Key);
        builder.HasIndex(a => new { a.ActorId, a.Key }).IsUnique();
        builder.HasOne(a => a.CoinedBy).WithMany().HasForeignKey(a => a.CoinedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ActorExternalIdConfiguration : IEntityTypeConfiguration<ActorExternalId>
{
    public void Configure(EntityTypeBuilder<ActorExternalId> builder)
    {
        builder.Property(e => e.System).HasMaxLength(32);
        builder.Property(e => e.Value).HasMaxLength(100);
        builder.HasIndex(e => new { e.System, e.Value });
        builder.HasIndex(e => new { e.ActorId, e.System, e.Value }).IsUnique();
    }
}

internal sealed class ActorReferenceConfiguration : IEntityTypeConfiguration<ActorReference>
{
    public void Configure(EntityTypeBuilder<ActorReference> builder)
    {
        builder.Property(r => r.Url).HasMaxLength(2000);
        builder.HasIndex(r => r.ActorId);
    }
}

internal sealed class ActorRelationConfiguration : IEntityTypeConfiguration<ActorRelation>
{
    public void Configure(EntityTypeBuilder<ActorRelation> builder)
    {
        builder.ConfigureAudit();
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.HasIndex(r => new { r.FromActorId, r.ToActorId, r.Kind }).IsUnique();
        builder.HasIndex(r => r.ToActorId);
    }
}
