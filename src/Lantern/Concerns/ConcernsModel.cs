using Lantern.Accounts.Organisations;
using Lantern.Data;
using Lantern.Screening.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Concerns;

/// <summary>
/// How concerns, children and their chronology are stored. The organisation id leads every key and
/// index; sealed values are two columns, the key id and the bytes; enums are stored by name.
/// </summary>
public sealed class ConcernsModel :
    IEntityTypeConfiguration<SafeguardingSettings>,
    IEntityTypeConfiguration<Child>,
    IEntityTypeConfiguration<Concern>,
    IEntityTypeConfiguration<ConcernChild>,
    IEntityTypeConfiguration<Decision>,
    IEntityTypeConfiguration<Addendum>,
    IEntityTypeConfiguration<ChronologyEntry>,
    IEntityTypeConfiguration<ConcernDraft>,
    IEntityTypeConfiguration<ConcernAttachment>,
    IEntityTypeConfiguration<ConcernReferenceCounter>,
    IEntityTypeConfiguration<JobLease>
{
    private const int KeyIdLength = 64;

    public void Configure(EntityTypeBuilder<SafeguardingSettings> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => x.OrganisationId);
        builder.HasOne<Organisation>().WithOne().HasForeignKey<SafeguardingSettings>(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.SocialCareFrontDoorPhone).HasMaxLength(40);
        builder.Property(x => x.SocialCareOutOfHoursPhone).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<Child> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Id });
        builder.HasAlternateKey(x => x.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.OrganisationId, x.Name });
        builder.Property(x => x.Name).HasMaxLength(ConcernRules.ChildNameMaxLength);
        builder.Property(x => x.Sex).HasMaxLength(40);
        builder.Property(x => x.SendOrDisability).HasMaxLength(ConcernRules.LongTextMaxLength);
        builder.Property(x => x.CommunicationNeeds).HasMaxLength(ConcernRules.LongTextMaxLength);
        builder.Property(x => x.SocialWorkerName).HasMaxLength(ConcernRules.ShortTextMaxLength);
        builder.Property(x => x.SocialWorkerContact).HasMaxLength(ConcernRules.ShortTextMaxLength);
        builder.Property(x => x.ParentalResponsibility).HasMaxLength(ConcernRules.LongTextMaxLength);
        builder.Property(x => x.KnownToSocialCare).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ChildProtectionPlan).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.LookedAfter).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Id });
        builder.HasAlternateKey(x => x.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.OrganisationId, x.Reference }).IsUnique();
        builder.HasIndex(x => new { x.OrganisationId, x.RecordedById, x.IdempotencyKey }).IsUnique();
        // The inbox: open concerns, urgent first, oldest first.
        builder.HasIndex(x => new { x.OrganisationId, x.Status, x.Urgent, x.RecordedAt });
        builder.Property(x => x.Reference).HasMaxLength(20);
        builder.Property(x => x.Route).HasConversion<string>().HasMaxLength(30);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Categories).HasMaxLength(400);
        builder.Property(x => x.WhatHappenedKeyId).HasMaxLength(KeyIdLength);
        builder.Property(x => x.ChildsWordsKeyId).HasMaxLength(KeyIdLength);
        builder.Property(x => x.Location).HasMaxLength(ConcernRules.ShortTextMaxLength);
        builder.Property(x => x.WhoWasPresent).HasMaxLength(ConcernRules.LongTextMaxLength);
        builder.Property(x => x.RaisedBy).HasMaxLength(ConcernRules.ShortTextMaxLength);
        builder.Property(x => x.Indicators).HasMaxLength(ConcernRules.LongTextMaxLength);
        builder.Property(x => x.IndicatorIds).HasMaxLength(ConcernRules.IndicatorIdsMaxLength);
        // The ticked signs name the catalogue version they come from; a version is never deleted.
        builder.HasOne<CatalogueVersion>().WithMany().HasForeignKey(x => new { x.OrganisationId, x.IndicatorCatalogueVersion }).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(x => x.TickedIndicators);
        builder.Ignore(x => x.WhatHappened);
        builder.Ignore(x => x.ChildsWords);
        builder.Ignore(x => x.CategoryList);
    }

    public void Configure(EntityTypeBuilder<ConcernChild> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.ConcernId, x.ChildId });
        builder.HasIndex(x => new { x.OrganisationId, x.ChildId });
        builder.HasOne<Concern>().WithMany().HasForeignKey(x => new { x.OrganisationId, x.ConcernId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(x => new { x.OrganisationId, x.ChildId }).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Id });
        builder.HasIndex(x => new { x.OrganisationId, x.ConcernId, x.DecidedAt });
        builder.HasOne<Concern>().WithMany().HasForeignKey(x => new { x.OrganisationId, x.ConcernId }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(x => x.RationaleKeyId).HasMaxLength(KeyIdLength);
        builder.Ignore(x => x.Rationale);
    }

    public void Configure(EntityTypeBuilder<Addendum> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Id });
        builder.HasIndex(x => new { x.OrganisationId, x.ConcernId, x.AddedAt });
        builder.HasOne<Concern>().WithMany().HasForeignKey(x => new { x.OrganisationId, x.ConcernId }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.TextKeyId).HasMaxLength(KeyIdLength);
        builder.Ignore(x => x.Text);
    }

    public void Configure(EntityTypeBuilder<ChronologyEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Id });
        builder.HasIndex(x => new { x.OrganisationId, x.ChildId, x.OccurredAt });
        builder.HasOne<Child>().WithMany().HasForeignKey(x => new { x.OrganisationId, x.ChildId }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
    }

    public void Configure(EntityTypeBuilder<ConcernDraft> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Id });
        builder.HasIndex(x => new { x.OrganisationId, x.AuthorId, x.UpdatedAt });
        builder.HasIndex(x => x.ExpiresAt);
        builder.Property(x => x.ContentKeyId).HasMaxLength(KeyIdLength);
        builder.Ignore(x => x.Content);
    }

    public void Configure(EntityTypeBuilder<ConcernAttachment> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Id });
        builder.HasIndex(x => new { x.OrganisationId, x.ConcernId });
        builder.HasIndex(x => new { x.OrganisationId, x.DraftId });
        builder.Property(x => x.FileName).HasMaxLength(255);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.Property(x => x.ContentKeyId).HasMaxLength(KeyIdLength);
        builder.Ignore(x => x.Content);
    }

    public void Configure(EntityTypeBuilder<ConcernReferenceCounter> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => new { x.OrganisationId, x.Year });
    }

    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.Holder).HasMaxLength(200);
    }
}
