using Lantern.Accounts.Organisations;
using Lantern.Accounts.Sessions;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Concerns;
using Lantern.Courses;
using Lantern.Learning.Assignments;
using Lantern.Learning.Certificates;
using Lantern.Learning.Progress;
using Lantern.Learning.Records;
using Lantern.Learning.Statements;
using Lantern.Mail;
using Lantern.Screening.Catalogue;
using Lantern.Screening.Screenings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantern.Data;

/// <summary>
/// The one DbContext. The foundation's entities are configured here, each later feature's in its own
/// <c>IEntityTypeConfiguration</c>; tenant rows with the
/// organisation id leading their keys and indexes (see ENGINEERING.md, "Tenancy").
/// </summary>
public sealed class LanternDbContext(DbContextOptions<LanternDbContext> options)
    : IdentityDbContext<LanternUser, LanternRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<UserLocation> UserLocations => Set<UserLocation>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SafeguardingSettings> SafeguardingSettings => Set<SafeguardingSettings>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<Concern> Concerns => Set<Concern>();

    public DbSet<ConcernChild> ConcernChildren => Set<ConcernChild>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Addendum> Addenda => Set<Addendum>();

    public DbSet<ChronologyEntry> ChronologyEntries => Set<ChronologyEntry>();

    public DbSet<ConcernDraft> ConcernDrafts => Set<ConcernDraft>();

    public DbSet<ConcernAttachment> ConcernAttachments => Set<ConcernAttachment>();

    public DbSet<ConcernReferenceCounter> ConcernReferenceCounters => Set<ConcernReferenceCounter>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<CatalogueVersion> CatalogueVersions => Set<CatalogueVersion>();

    public DbSet<ChildScreening> ChildScreenings => Set<ChildScreening>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<AuditEntryRecord> AuditEntryRecords => Set<AuditEntryRecord>();
    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseVersion> CourseVersions => Set<CourseVersion>();

    public DbSet<CourseAsset> CourseAssets => Set<CourseAsset>();

    public DbSet<ChapterView> ChapterViews => Set<ChapterView>();

    public DbSet<QuestionAnswer> QuestionAnswers => Set<QuestionAnswer>();

    public DbSet<Completion> Completions => Set<Completion>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<RefresherSetting> RefresherSettings => Set<RefresherSetting>();

    public DbSet<TrainingSettings> TrainingSettings => Set<TrainingSettings>();

    public DbSet<LearningStatement> LearningStatements => Set<LearningStatement>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.IsSqlite())
        {
            // SQLite has no date-time type that sorts and compares in SQL; store UTC ticks.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Organisation>(o =>
        {
            o.Property(x => x.Name).HasMaxLength(200);
            o.HasMany(x => x.Locations).WithOne().HasForeignKey(l => l.OrganisationId);
        });

        builder.Entity<Location>(l =>
        {
            l.Property(x => x.Name).HasMaxLength(200);
            l.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
        });

        builder.Entity<LanternUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.HasIndex(x => new { x.OrganisationId, x.DisplayName });
            u.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            u.HasMany(x => x.Locations).WithOne().HasForeignKey(x => x.UserId);
            u.Ignore(x => x.IsDisabled);
        });

        builder.Entity<UserLocation>(ul =>
        {
            ul.HasKey(x => new { x.OrganisationId, x.UserId, x.LocationId });
            ul.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<UserSession>(s =>
        {
            s.Property(x => x.Id).HasMaxLength(64);
            s.HasIndex(x => new { x.OrganisationId, x.UserId });
            s.HasIndex(x => x.AbsoluteExpiresAt);
        });

        builder.Entity<LanternRole>().HasData(Accounts.Users.Roles.All.Select(r => new LanternRole(r.Id, r.Name)));

        // Each feature configures its own entities in an IEntityTypeConfiguration beside them.
        builder.ApplyConfigurationsFromAssembly(typeof(LanternDbContext).Assembly);
    }
}
