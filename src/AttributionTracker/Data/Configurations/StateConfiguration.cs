using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal sealed class StateConfiguration : IEntityTypeConfiguration<State>
{
    public void Configure(EntityTypeBuilder<State> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.NameEn).HasMaxLength(100);
        builder.Property(s => s.NameEs).HasMaxLength(100);
        builder.Property(s => s.UpdatedBy).HasMaxLength(100);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Names).WithOne().HasForeignKey(n => n.StateCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StateNameConfiguration : IEntityTypeConfiguration<StateName>
{
    public void Configure(EntityTypeBuilder<StateName> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(150);
        builder.Property(n => n.Key).HasMaxLength(150);
        builder.Property(n => n.Language).HasMaxLength(2);
        builder.HasIndex(n => n.Key);
        builder.HasIndex(n => new { n.StateCode, n.Language, n.Kind, n.Key }).IsUnique();
    }
}
