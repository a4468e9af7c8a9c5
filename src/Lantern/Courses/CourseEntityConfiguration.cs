using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Courses;

/// <summary>Courses, their versions and media: organisation first in every index that serves a page.</summary>
public sealed class CourseEntityConfiguration : IEntityTypeConfiguration<Course>, IEntityTypeConfiguration<CourseVersion>, IEntityTypeConfiguration<CourseAsset>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(c => c.Slug).HasMaxLength(CourseRules.MaxIdLength);
        builder.HasIndex(c => new { c.OrganisationId, c.Slug }).IsUnique();
        // The shipped library has no organisation; PostgreSQL would let two NULL-organisation rows share a slug.
        builder.HasIndex(c => c.Slug).IsUnique().HasFilter("\"OrganisationId\" IS NULL").HasDatabaseName("IX_Courses_LibrarySlug");
        builder.HasOne<Accounts.Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CourseVersion> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(v => v.Title).HasMaxLength(300);
        builder.Property(v => v.Programme).HasMaxLength(300);
        builder.Property(v => v.Summary).HasMaxLength(2000);
        builder.Property(v => v.SourceHash).HasMaxLength(64);
        builder.HasIndex(v => new { v.CourseId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.OrganisationId, v.CourseId });
        builder.HasOne<Course>().WithMany().HasForeignKey(v => v.CourseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CourseAsset> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(a => a.Path).HasMaxLength(300);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasIndex(a => new { a.OrganisationId, a.VersionId, a.Path }).IsUnique();
        builder.HasOne<CourseVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
