using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal sealed class RecordChangeConfiguration : IEntityTypeConfiguration<RecordChange>
{
    public void Configure(EntityTypeBuilder<RecordChange> builder)
    {
        builder.Property(c => c.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RecordType).HasMaxLength(64);
        builder.Property(c => c.RecordKey).HasMaxLength(128);
        builder.Property(c => c.OwnerType).HasMaxLength(64);
        builder.Property(c => c.By).HasMaxLength(256);

        // A record's page shows its history, newest first; the log is read by owner.
        builder.HasIndex(c => new { c.OwnerType, c.OwnerId, c.At });
        builder.HasIndex(c => new { c.RecordType, c.RecordKey });
    }
}
