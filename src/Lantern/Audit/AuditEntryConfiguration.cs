using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Audit;

/// <summary>Audit entries: keyed by id, indexed by chain first (sequence, and actor for the log page).</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditEntries");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.OrganisationId, x.Sequence }).IsUnique();
        builder.HasIndex(x => new { x.OrganisationId, x.ActorId, x.Sequence });
        builder.Property(x => x.Action).HasMaxLength(AuditTrail.MaxActionLength);
        builder.Property(x => x.Detail).HasMaxLength(AuditTrail.MaxDetailLength);
        builder.Property(x => x.PreviousHash).HasMaxLength(32);
        builder.Property(x => x.Hash).HasMaxLength(32);
        builder.Ignore(x => x.RecordList);
    }
}
