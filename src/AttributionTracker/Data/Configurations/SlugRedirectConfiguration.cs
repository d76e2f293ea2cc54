using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> builder)
    {
        builder.HasIndex(r => r.OldSlug).IsUnique();
        // Merging the target later moves its redirects on (see the merge); deleting it outright takes them along.
        builder.HasOne(r => r.Actor).WithMany().HasForeignKey(r => r.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}
