using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.RevokedBy).HasMaxLength(256);

        // Every API request looks its token up by hash.
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.AccountId);

        // A deleted account's tokens go with it, so they stop at once.
        builder.HasOne(t => t.Account).WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
