using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ConfigureAudit();
        builder.Property(i => i.Name).HasMaxLength(300);
        builder.HasIndex(i => i.Slug).IsUnique();
        builder.Property(i => i.Scale).HasMaxLength(300);
        builder.PartialDate(i => i.StartDate, "StartDate");
        builder.PartialDate(i => i.EndDate, "EndDate");
        builder.HasMany(i => i.Aliases).WithOne().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Victims).WithOne().HasForeignKey(v => v.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentAliasConfiguration : IEntityTypeConfiguration<IncidentAlias>
{
    public void Configure(EntityTypeBuilder<IncidentAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Key).HasMaxLength(300);
        builder.Property(a => a.Language).HasMaxLength(2);
        builder.HasIndex(a => a.Key);
        builder.HasIndex(a => new { a.IncidentId, a.Key }).IsUnique();
    }
}

internal sealed class IncidentVictimConfiguration : IEntityTypeConfiguration<IncidentVictim>
{
    public void Configure(EntityTypeBuilder<IncidentVictim> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(300);
        builder.HasOne(v => v.State).WithMany().HasForeignKey(v => v.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.IncidentId);
    }
}
