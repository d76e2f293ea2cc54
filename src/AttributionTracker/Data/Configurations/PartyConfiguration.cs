using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ConfigureAudit();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Role).HasMaxLength(200);
        builder.Property(p => p.PersonName).HasMaxLength(200);
        builder.HasOne(p => p.State).WithMany().HasForeignKey(p => p.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Parent).WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Aliases).WithOne().HasForeignKey(a => a.PartyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.StateCode);
    }
}

internal sealed class PartyAliasConfiguration : IEntityTypeConfiguration<PartyAlias>
{
    public void Configure(EntityTypeBuilder<PartyAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.Property(a => a.Language).HasMaxLength(2);
        builder.HasIndex(a => a.Key);
        builder.HasIndex(a => new { a.PartyId, a.Key }).IsUnique();
    }
}
