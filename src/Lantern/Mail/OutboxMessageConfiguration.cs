using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Mail;

/// <summary>How the outbox is stored. The worker's index serves "unsent, due now" across every organisation.</summary>
public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        builder.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        builder.Property(x => x.ToAddress).HasMaxLength(320);
        builder.Property(x => x.ToName).HasMaxLength(200);
        builder.Property(x => x.Subject).HasMaxLength(200);
        builder.Property(x => x.Body).HasMaxLength(20_000);
        builder.Property(x => x.LastError).HasMaxLength(200);
        builder.Property(x => x.Key).HasMaxLength(200);
        builder.HasIndex(x => x.Key).IsUnique();
    }
}
