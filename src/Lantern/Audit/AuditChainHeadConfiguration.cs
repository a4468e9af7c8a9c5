using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Audit;

/// <summary>One row per chain, keyed by the chain.</summary>
public sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditChainHeads");
        builder.HasKey(x => x.OrganisationId);
        builder.Property(x => x.OrganisationId).ValueGeneratedNever();
        builder.Property(x => x.Hash).HasMaxLength(32);
    }
}
