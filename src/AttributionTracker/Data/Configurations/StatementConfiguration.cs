using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttributionTracker.Data.Configurations;

internal sealed class StatementConfiguration : IEntityTypeConfiguration<AttributionStatement>
{
    public void Configure(EntityTypeBuilder<AttributionStatement> builder)
    {
        builder.ToTable("Statements", t =>
        {
            t.HasCheckConstraint("CK_Statements_Span", "\"SpanStart\" IS NULL AND \"SpanEnd\" IS NULL OR \"SpanStart\" >= 0 AND \"SpanEnd\" > \"SpanStart\" AND \"SourceId\" IS NOT NULL");
        });
        builder.ConfigureAudit();
        builder.Property(s => s.Quote).HasMaxLength(4000);
        builder.Property(s => s.QuoteLanguage).HasMaxLength(2);
        builder.PartialDate(s => s.Date, "Date");
        builder.ComplexProperty(s => s.Confidence, c =>
        {
            c.Property(x => x.Level).HasColumnName("Confidence");
            c.Property(x => x.Wording).HasColumnName("ConfidenceWording").HasMaxLength(200);
        });
        builder.HasOne(s => s.Incident).WithMany().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.AccusedActor).WithMany().HasForeignKey(s => s.AccusedActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.AccusedState).WithMany().HasForeignKey(s => s.AccusedStateCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Source).WithMany(s => s.Statements).HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Parties).WithOne().HasForeignKey(p => p.StatementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Answers).WithOne(a => a.Statement).HasForeignKey(a => a.StatementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.AnsweredBy).WithOne(a => a.AnsweredStatement).HasForeignKey(a => a.AnsweredStatementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.IncidentId);
        builder.HasIndex(s => s.AccusedActorId);
        builder.HasIndex(s => s.AccusedStateCode);
        builder.HasIndex(s => s.SourceId);
        builder.HasIndex(s => s.Kind);
    }
}

internal sealed class StatementPartyConfiguration : IEntityTypeConfiguration<StatementParty>
{
    public void Configure(EntityTypeBuilder<StatementParty> builder)
    {
        builder.HasKey(p => new { p.StatementId, p.PartyId });
        builder.HasOne(p => p.Party).WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PartyId);
    }
}

internal sealed class StatementAnswerConfiguration : IEntityTypeConfiguration<StatementAnswer>
{
    public void Configure(EntityTypeBuilder<StatementAnswer> builder)
    {
        builder.HasKey(a => new { a.StatementId, a.AnsweredStatementId });
        builder.HasIndex(a => a.AnsweredStatementId);
    }
}

internal sealed class ReferenceLoadConfiguration : IEntityTypeConfiguration<ReferenceLoad>
{
    public void Configure(EntityTypeBuilder<ReferenceLoad> builder)
    {
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Sha256).HasMaxLength(64);
    }
}
