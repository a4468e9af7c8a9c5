using Lantern.Accounts.Organisations;
using Lantern.Concerns;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Screenings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Screening;

/// <summary>How catalogue versions and screenings are stored: the organisation id leads every key and index; enums by name.</summary>
public sealed class ScreeningModel : IEntityTypeConfiguration<CatalogueVersion>, IEntityTypeConfiguration<ChildScreening>
{
    private const int KeyIdLength = 64;

    public void Configure(EntityTypeBuilder<CatalogueVersion> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Version });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Note).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<ChildScreening> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Id });
        builder.HasAlternateKey(x => x.Id);
        builder.HasOne<Child>().WithMany().HasForeignKey(x => new { x.OrganisationId, x.ChildId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CatalogueVersion>().WithMany().HasForeignKey(x => new { x.OrganisationId, x.CatalogueVersion }).OnDelete(DeleteBehavior.Restrict);
        // A child's screenings in order (the trend, the latest for rescreening).
        builder.HasIndex(x => new { x.OrganisationId, x.ChildId, x.ScreenedAt });
        // Rescreens falling due.
        builder.HasIndex(x => new { x.OrganisationId, x.NextScreeningOn });
        builder.HasIndex(x => new { x.OrganisationId, x.ScreenedById, x.IdempotencyKey }).IsUnique();
        builder.Property(x => x.ComputedBand).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.FinalBand).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.EvidenceKeyId).HasMaxLength(KeyIdLength);
        builder.Property(x => x.OpinionKeyId).HasMaxLength(KeyIdLength);
        builder.Property(x => x.OverrideReasonKeyId).HasMaxLength(KeyIdLength);
        builder.Ignore(x => x.Overridden);
        builder.Ignore(x => x.Evidence);
        builder.Ignore(x => x.Opinion);
        builder.Ignore(x => x.OverrideReason);
    }
}
