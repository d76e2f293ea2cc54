using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal static class AuditConfiguration
{
    public static void ConfigureAudit<T>(this EntityTypeBuilder<T> builder)
        where T : class, IAudited
    {
        builder.Property(e => e.UpdatedBy).HasMaxLength(100);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }

    /// <summary>A partial date as two columns: the period's first day (sortable) and its precision.</summary>
    public static void PartialDate<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, PartialDate?>> property, string column)
        where T : class =>
        builder.ComplexProperty(property, date =>
        {
            date.Property(d => d.Start).HasColumnName(column);
            date.Property(d => d.Precision).HasColumnName(column + "Precision");
        });
}
