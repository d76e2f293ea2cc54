using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ConfigureAudit();
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.Publisher).HasMaxLength(200);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.Language).HasMaxLength(2);
        builder.Property(s => s.TextSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(s => s.ImportedFrom).HasMaxLength(1000);
        builder.HasIndex(s => s.TextSha256).IsUnique();
        builder.PartialDate(s => s.PublishedOn, "PublishedOn");
    }
}
