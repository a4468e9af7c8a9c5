using Lantern.Accounts;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Concerns.Recording;
using Lantern.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Assignments;

/// <summary>
/// A training manager assigns a course, with a due date, to everyone, a role, a location or one person,
/// and removes an assignment made in error. Only their organisation's people, locations and courses
/// can be chosen; anything else posted is refused and nothing is stored.
/// </summary>
[Authorize(Policy = LearningServices.TrainingManagerPolicy)]
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class AssignmentsPageModel(LanternDbContext db, IAuditTrail audit, TimeProvider clock) : PageModel
{
    public const string AssignedAction = "training.assigned";
    public const string RemovedAction = "training.unassigned";

    [BindProperty]
    public AssignmentInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public TrainingChoices Choices { get; private set; } = null!;

    public IReadOnlyList<AssignmentLine> Assignments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        Choices = await TrainingChoices.LoadAsync(db, org, cancellationToken);
        var course = TrainingChoices.Pick(Input.Course, Choices.Courses.Select(c => c.Id));
        if (course is null)
        {
            ModelState.AddModelError("Input.Course", "Choose a course from the list");
        }

        Guid? person = null, location = null;
        string? role = null;
        var target = Input.Target switch
        {
            "everyone" => AssignmentTarget.Everyone,
            "role" => AssignmentTarget.Role,
            "location" => AssignmentTarget.Location,
            "person" => AssignmentTarget.Person,
            _ => (AssignmentTarget?)null,
        };
        switch (target)
        {
            case null:
                ModelState.AddModelError("Input.Target", "Choose who must take the course");
                break;
            case AssignmentTarget.Role:
                role = Choices.Roles.Select(r => r.Name).FirstOrDefault(r => r == Input.Role);
                if (role is null)
                {
                    ModelState.AddModelError("Input.Role", "Choose a role from the list");
                }

                break;
            case AssignmentTarget.Location:
                location = TrainingChoices.Pick(Input.Location, Choices.Locations.Select(l => l.Id));
                if (location is null)
                {
                    ModelState.AddModelError("Input.Location", "Choose a location from the list");
                }

                break;
            case AssignmentTarget.Person:
                person = TrainingChoices.Pick(Input.Person, Choices.People.Select(p => p.Id));
                if (person is null)
                {
                    ModelState.AddModelError("Input.Person", "Choose a person from the list");
                }

                break;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var due = DateParts.Read(Input.DueDay, Input.DueMonth, Input.DueYear);
        if (DateParts.IsEmpty(Input.DueDay, Input.DueMonth, Input.DueYear))
        {
            ModelState.AddModelError("Input.DueDay", "Enter the date the course must be done by");
        }
        else if (due is null)
        {
            ModelState.AddModelError("Input.DueDay", "The due date must be a real date, for example 31 3 2027");
        }
        else if (due < today)
        {
            ModelState.AddModelError("Input.DueDay", "The due date must be today or in the future");
        }
        else if (due > today.AddYears(5))
        {
            ModelState.AddModelError("Input.DueDay", "The due date must be within 5 years");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken, keepChoices: true);
            return Page();
        }

        var assignment = new Assignment
        {
            OrganisationId = org,
            CourseId = course!.Value,
            Target = target!.Value,
            PersonId = person,
            Role = role,
            LocationId = location,
            DueOn = due!.Value,
            CreatedAt = clock.GetUtcNow(),
            CreatedById = User.GetUserId(),
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Assignments.Add(assignment);
            await audit.AppendAsync(new AuditEvent(org, User.GetUserId(), AssignedAction, ["assignment:" + assignment.Id, "course:" + assignment.CourseId], $"{assignment.Target} due {assignment.DueOn:yyyy-MM-dd}"), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        Notice = "The course has been assigned.";
        return Redirect("/training/assignments");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.OrganisationId == org && a.Id == id, cancellationToken);
        if (assignment is null)
        {
            return NotFound();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Assignments.Remove(assignment);
            await audit.AppendAsync(new AuditEvent(org, User.GetUserId(), RemovedAction, ["assignment:" + assignment.Id, "course:" + assignment.CourseId]), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        Notice = "The assignment has been removed.";
        return Redirect("/training/assignments");
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool keepChoices = false)
    {
        var org = User.GetOrganisationId();
        if (!keepChoices)
        {
            Choices = await TrainingChoices.LoadAsync(db, org, cancellationToken);
        }

        var rows = await db.Assignments.AsNoTracking().Where(a => a.OrganisationId == org).OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var people = Choices.People.ToDictionary(p => p.Id, p => p.Name);
        var locations = Choices.Locations.ToDictionary(l => l.Id, l => l.Name);
        Assignments = rows.Select(a => new AssignmentLine(
                a.Id,
                Choices.CourseTitle(a.CourseId),
                a.Target switch
                {
                    AssignmentTarget.Everyone => "Everyone",
                    AssignmentTarget.Role => "Everyone who is a " + TrainingChoices.RoleTitle(a.Role).ToLowerInvariant(),
                    AssignmentTarget.Location => "Everyone at " + (a.LocationId is { } l && locations.TryGetValue(l, out var ln) ? ln : "an archived location"),
                    _ => a.PersonId is { } p && people.TryGetValue(p, out var pn) ? pn : "A person who has left",
                },
                a.DueOn))
            .ToList();
    }

    public sealed class AssignmentInput
    {
        public string? Course { get; set; }

        public string? Target { get; set; }

        public string? Role { get; set; }

        public string? Location { get; set; }

        public string? Person { get; set; }

        public string? DueDay { get; set; }

        public string? DueMonth { get; set; }

        public string? DueYear { get; set; }
    }
}

/// <summary>An assignment as listed: the course, who it is for, in words, and when it is due.</summary>
public sealed record AssignmentLine(Guid Id, string Course, string Who, DateOnly DueOn);
