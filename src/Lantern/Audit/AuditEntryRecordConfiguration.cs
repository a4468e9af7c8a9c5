using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Audit;

/// <summary>The record index, led by the chain.</summary>
public sealed class AuditEntryRecordConfiguration : IEntityTypeConfiguration<AuditEntryRecord>
{
    public void Configure(EntityTypeBuilder<AuditEntryRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditEntryRecords");
        builder.HasKey(x => new { x.OrganisationId, x.Record, x.Sequence });
        builder.Property(x => x.Record).HasMaxLength(AuditTrail.MaxRecordLength);
    }
}
