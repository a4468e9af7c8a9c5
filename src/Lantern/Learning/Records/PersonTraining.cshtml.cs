using Lantern.Accounts;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Concerns.Recording;
using Lantern.Data;
using Lantern.Learning.Assignments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Records;

/// <summary>
/// One person's training, for the training manager: their state on each course, every completion they
/// have ever had (version, score, refresher period, where it was done), and a form to record training
/// done elsewhere. A person of another organisation is not found.
/// </summary>
[Authorize(Policy = LearningServices.TrainingManagerPolicy)]
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class PersonTrainingModel(LanternDbContext db, TrainingRecords records, IAuditTrail audit, TimeProvider clock) : PageModel
{
    public const string RecordedElsewhereAction = "training.recorded-elsewhere";
    public const string ReadAction = "training.person-read";

    [BindProperty]
    public ElsewhereInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public string Name { get; private set; } = string.Empty;

    public bool Left { get; private set; }

    public TrainingGrid Grid { get; private set; } = null!;

    public IReadOnlyList<Completion> History { get; private set; } = [];

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

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var title = Choices.CourseTitle(course!.Value);
        var completion = new Completion
        {
            OrganisationId = org,
            UserId = id,
            CourseId = course.Value,
            Source = CompletionSource.Elsewhere,
            CourseTitle = title,
            CompletedOn = done!.Value,
            RecordedAt = clock.GetUtcNow(),
            RefresherMonths = months,
            ValidUntil = TrainingRules.ValidUntil(done.Value, months ?? TrainingRules.DefaultRefresherMonths),
            Provider = provider,
            RecordedById = User.GetUserId(),
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Completions.Add(completion);
            await audit.AppendAsync(new AuditEvent(org, User.GetUserId(), RecordedElsewhereAction, ["completion:" + completion.Id, AuditActions.Person(id)], $"course {course.Value}"), cancellationToken);
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

        Name = person.DisplayName;
        Left = person.DisabledAt is not null;
        Choices = await TrainingChoices.LoadAsync(db, org, cancellationToken);
        Grid = await records.LoadAsync(org, new TrainingQuery(PersonId: id, IncludeLeavers: true), cancellationToken);
        History = await db.Completions.AsNoTracking()
            .Where(c => c.OrganisationId == org && c.UserId == id)
            .OrderByDescending(c => c.CompletedOn).ThenByDescending(c => c.RecordedAt)
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed class ElsewhereInput
    {
        public string? Course { get; set; }

        public string? Provider { get; set; }

        public string? DoneDay { get; set; }

        public string? DoneMonth { get; set; }

        public string? DoneYear { get; set; }

        public string? ValidMonths { get; set; }
    }
}
