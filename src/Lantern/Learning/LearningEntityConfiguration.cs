using Lantern.Accounts.Users;
using Lantern.Courses;
using Lantern.Learning.Assignments;
using Lantern.Learning.Certificates;
using Lantern.Learning.Progress;
using Lantern.Learning.Records;
using Lantern.Learning.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Learning;

/// <summary>Learning records, certificates, assignments, settings, statements and the mail outbox: organisation first in every key and index that serves a page.</summary>
public sealed class LearningEntityConfiguration :
    IEntityTypeConfiguration<ChapterView>,
    IEntityTypeConfiguration<QuestionAnswer>,
    IEntityTypeConfiguration<Completion>,
    IEntityTypeConfiguration<Certificate>,
    IEntityTypeConfiguration<Assignment>,
    IEntityTypeConfiguration<RefresherSetting>,
    IEntityTypeConfiguration<TrainingSettings>,
    IEntityTypeConfiguration<LearningStatement>
{
    public const int IdLength = CourseRules.MaxIdLength;

    public void Configure(EntityTypeBuilder<ChapterView> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(v => new { v.OrganisationId, v.UserId, v.CourseId, v.Attempt, v.BookId, v.ChapterId });
        builder.Property(v => v.BookId).HasMaxLength(IdLength);
        builder.Property(v => v.ChapterId).HasMaxLength(IdLength);
        builder.HasOne<LanternUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(v => v.CourseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<QuestionAnswer> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(a => new { a.OrganisationId, a.UserId, a.CourseId, a.Attempt, a.BookId, a.ChapterId, a.QuestionId });
        builder.Property(a => a.BookId).HasMaxLength(IdLength);
        builder.Property(a => a.ChapterId).HasMaxLength(IdLength);
        builder.Property(a => a.QuestionId).HasMaxLength(IdLength);
        builder.HasOne<LanternUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Completion> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(c => c.CourseTitle).HasMaxLength(300);
        builder.Property(c => c.Provider).HasMaxLength(200);
        builder.Property(c => c.EvidenceName).HasMaxLength(200);
        builder.Property(c => c.EvidenceType).HasMaxLength(100);
        builder.Property(c => c.EvidenceKeyId).HasMaxLength(64);
        builder.HasIndex(c => new { c.OrganisationId, c.UserId, c.CourseId, c.CompletedOn });
        builder.HasIndex(c => new { c.OrganisationId, c.CourseId, c.CompletedOn });
        // One completion per attempt: a replayed answer or two nodes at once cannot complete it twice.
        builder.HasIndex(c => new { c.OrganisationId, c.UserId, c.CourseId, c.Attempt }).IsUnique();
        builder.HasOne<LanternUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.RevokedReason).HasMaxLength(CertificateRevocation.MaxReasonLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => new { c.OrganisationId, c.UserId });
        builder.HasIndex(c => new { c.OrganisationId, c.CompletionId }).IsUnique();
        builder.HasOne<Completion>().WithMany().HasForeignKey(c => c.CompletionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(a => a.Role).HasMaxLength(50);
        builder.HasIndex(a => new { a.OrganisationId, a.CourseId });
        builder.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<RefresherSetting> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(s => s.Role).HasMaxLength(50);
        builder.HasIndex(s => new { s.OrganisationId, s.CourseId, s.Role }).IsUnique();
        builder.HasOne<Course>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TrainingSettings> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(s => s.OrganisationId);
        builder.HasOne<Accounts.Organisations.Organisation>().WithOne().HasForeignKey<TrainingSettings>(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LearningStatement> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Verb).HasMaxLength(50);
        builder.HasIndex(s => new { s.OrganisationId, s.Timestamp });
        builder.HasIndex(s => new { s.ForwardedAt, s.Timestamp });
    }

}
