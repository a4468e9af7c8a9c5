using Lantern.Accounts;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Concerns;
using Lantern.Concerns.Recording;
using Lantern.Data;
using Lantern.Learning.Assignments;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Records;

/// <summary>
/// One person's training, for the training manager: their state on each course, every completion they
/// have ever had (version, score, refresher period, where it was done), and a form to record training
/// done elsewhere with an optional evidence file (PDF, JPG or PNG, told by its content, stored sealed).
/// Each certificate shows whether, by whom, when and why it was revoked. A person of another organisation
/// is not found.
/// </summary>
[Authorize(Policy = LearningServices.TrainingManagerPolicy)]
[EnableRateLimiting(AccountServices.FormRateLimit)]
[RequestSizeLimit(AttachmentTypes.MaxBytes + (512 * 1024))]
public sealed class PersonTrainingModel(LanternDbContext db, TrainingRecords records, IAuditTrail audit, IRecordCipher cipher, TimeProvider clock) : PageModel
{
    public const string RecordedElsewhereAction = "training.recorded-elsewhere";
    public const string ReadAction = "training.person-read";

    [BindProperty]
    public ElsewhereInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public Guid PersonId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public bool Left { get; private set; }

    public TrainingGrid Grid { get; private set; } = null!;

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public TrainingChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.RecordAsync(db, new AuditEvent(User.GetOrganisationId(), User.GetUserId(), ReadAction, [AuditActions.Person(id)]), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var org = User.GetOrganisationId();
        var course = TrainingChoices.Pick(Input.Course, Choices.Courses.Select(c => c.Id));
        if (course is null)
        {
            ModelState.AddModelError("Input.Course", "Choose the course this training counts as");
        }

        var provider = Input.Provider?.Trim();
        if (string.IsNullOrEmpty(provider))
        {
            ModelState.AddModelError("Input.Provider", "Enter who provided the training");
        }
        else if (provider.Length > 200)
        {
            ModelState.AddModelError("Input.Provider", "The provider must be 200 characters or fewer");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var done = DateParts.Read(Input.DoneDay, Input.DoneMonth, Input.DoneYear);
        if (DateParts.IsEmpty(Input.DoneDay, Input.DoneMonth, Input.DoneYear))
        {
            ModelState.AddModelError("Input.DoneDay", "Enter the date the training was completed");
        }
        else if (done is null)
        {
            ModelState.AddModelError("Input.DoneDay", "The completion date must be a real date, for example 14 6 2026");
        }
        else if (done > today)
        {
            ModelState.AddModelError("Input.DoneDay", "The completion date must be today or in the past");
        }

        int? months = null;
        if (!string.IsNullOrWhiteSpace(Input.ValidMonths))
        {
            if (!int.TryParse(Input.ValidMonths.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) || m < 1 || m > TrainingRules.MaxRefresherMonths)
            {
                ModelState.AddModelError("Input.ValidMonths", $"Enter how many months it is valid for, a whole number from 1 to {TrainingRules.MaxRefresherMonths}");
            }
            else
            {
                months = m;
            }
        }

        byte[]? evidence = null;
        string? evidenceType = null;
        var evidenceName = Input.Evidence is null ? null : Path.GetFileName(Input.Evidence.FileName ?? "evidence");
        if (Input.Evidence is { Length: > AttachmentTypes.MaxBytes })
        {
            ModelState.AddModelError("Input.Evidence", "The selected file must be smaller than 10 MB");
        }
        else if (Input.Evidence is not null)
        {
            evidence = new byte[Input.Evidence.Length];
            await using (var stream = Input.Evidence.OpenReadStream())
            {
                await stream.ReadExactlyAsync(evidence, cancellationToken);
            }

            string? problem;
            (evidenceType, problem) = AttachmentTypes.Check(evidenceName!, evidence, AttachmentTypes.Documents);
            if (problem is not null)
            {
                ModelState.AddModelError("Input.Evidence", problem);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var title = Choices.CourseTitle(course!.Value);
        var dslTraining = Input.DslTraining == "yes";
        var roles = await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(cancellationToken);
        var settings = await db.RefresherSettings.AsNoTracking().Where(s => s.OrganisationId == org && s.CourseId == course.Value).ToListAsync(cancellationToken);

        // Months written on the form are the validity the provider gave; otherwise the organisation's rules apply.
        var validMonths = months ?? TrainingRules.RefresherMonths(
            null,
            settings.FirstOrDefault(s => s.Role == null)?.Months,
            settings.Where(s => s.Role != null && roles.Contains(s.Role)).Select(s => s.Months),
            dslTraining);
        var completionId = Guid.CreateVersion7();
        var sealedEvidence = evidence is null ? null : cipher.Seal(evidence, Completion.EvidenceContext(completionId));
        var completion = new Completion
        {
            Id = completionId,
            OrganisationId = org,
            UserId = id,
            CourseId = course.Value,
            Source = CompletionSource.Elsewhere,
            CourseTitle = title,
            CompletedOn = done!.Value,
            RecordedAt = clock.GetUtcNow(),
            RefresherMonths = validMonths,
            ValidUntil = TrainingRules.ValidUntil(done.Value, validMonths),
            Provider = provider,
            RecordedById = User.GetUserId(),
            DslTraining = dslTraining,
            EvidenceName = sealedEvidence is null ? null : Shorten(evidenceName!),
            EvidenceType = sealedEvidence is null ? null : evidenceType,
            EvidenceLength = evidence?.Length,
            EvidenceKeyId = sealedEvidence?.KeyId,
            Evidence = sealedEvidence?.Data,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Completions.Add(completion);
            await audit.AppendAsync(new AuditEvent(org, User.GetUserId(), RecordedElsewhereAction, ["completion:" + completion.Id, AuditActions.Person(id)], $"course {course.Value}{(sealedEvidence is null ? "" : ", with evidence")}"), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        Notice = "The training has been recorded.";
        return Redirect($"/training/people/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        var person = await db.Users.AsNoTracking().Where(u => u.OrganisationId == org && u.Id == id).Select(u => new { u.DisplayName, u.DisabledAt }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return false;
        }

        PersonId = id;
        Name = person.DisplayName;
        Left = person.DisabledAt is not null;
        Choices = await TrainingChoices.LoadAsync(db, org, cancellationToken);
        Grid = await records.LoadAsync(org, new TrainingQuery(PersonId: id, IncludeLeavers: true), cancellationToken);
        History = await (
                from c in db.Completions
                where c.OrganisationId == org && c.UserId == id
                let certificate = db.Certificates.FirstOrDefault(x => x.OrganisationId == org && x.CompletionId == c.Id)
                orderby c.CompletedOn descending, c.RecordedAt descending
                select new HistoryRow(
                    c.Id, c.CourseTitle, c.CompletedOn, c.Source, c.VersionNumber, c.Score, c.PassMark, c.Provider, c.DslTraining, c.RefresherMonths, c.ValidUntil,
                    c.EvidenceName, c.EvidenceType, c.EvidenceLength,
                    certificate == null ? null : certificate.Id,
                    certificate == null ? null : certificate.RevokedAt,
                    certificate == null ? null : db.Users.Where(u => u.OrganisationId == org && u.Id == certificate.RevokedById).Select(u => u.DisplayName).FirstOrDefault(),
                    certificate == null ? null : certificate.RevokedReason))
            .ToListAsync(cancellationToken);
        return true;
    }

    private static string Shorten(string name) => name.Length > 200 ? name[^200..] : name;

    /// <summary>A completion in the history, with its certificate's revocation and its evidence file, if any.</summary>
    public sealed record HistoryRow(
        Guid Id,
        string CourseTitle,
        DateOnly CompletedOn,
        CompletionSource Source,
        int? VersionNumber,
        int? Score,
        int? PassMark,
        string? Provider,
        bool DslTraining,
        int? RefresherMonths,
        DateOnly? ValidUntil,
        string? EvidenceName,
        string? EvidenceType,
        long? EvidenceLength,
        Guid? CertificateId,
        DateTimeOffset? RevokedAt,
        string? RevokedBy,
        string? RevokedReason);

    public sealed class ElsewhereInput
    {
        public string? Course { get; set; }

        public string? Provider { get; set; }

        public string? DoneDay { get; set; }

        public string? DoneMonth { get; set; }

        public string? DoneYear { get; set; }

        public string? ValidMonths { get; set; }

        /// <summary>"yes" when it was a designated safeguarding lead's own training (24 months by default).</summary>
        public string? DslTraining { get; set; } = "no";

        public IFormFile? Evidence { get; set; }
    }
}
