using Lantern.Accounts;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Lantern.Learning.Assignments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Records;

/// <summary>
/// The organisation's refresher period per course (for everyone, or for one role) and its due-soon
/// window. The setting applies to completions from now on: a completion keeps the period it was made under.
/// </summary>
[Authorize(Policy = LearningServices.TrainingManagerPolicy)]
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class TrainingSettingsPageModel(LanternDbContext db, IAuditTrail audit) : PageModel
{
    public const string ChangedAction = "training.settings-changed";

    [BindProperty]
    public string? DueSoonDays { get; set; }

    [BindProperty]
    public string? Course { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Months { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public TrainingChoices Choices { get; private set; } = null!;

    public IReadOnlyList<RefresherSetting> Settings { get; private set; } = [];

    public int CurrentDueSoonDays { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        DueSoonDays = CurrentDueSoonDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostWindowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!int.TryParse(DueSoonDays?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) || days < 1 || days > 365)
        {
            ModelState.AddModelError(nameof(DueSoonDays), "Enter the number of days, a whole number from 1 to 365");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var org = User.GetOrganisationId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var settings = await db.TrainingSettings.SingleOrDefaultAsync(s => s.OrganisationId == org, cancellationToken);
        if (settings is null)
        {
            db.TrainingSettings.Add(new TrainingSettings { OrganisationId = org, DueSoonDays = days });
        }
        else
        {
            settings.DueSoonDays = days;
        }

        await audit.AppendAsync(new AuditEvent(org, User.GetUserId(), ChangedAction, ["training-settings:" + org], $"due soon {days} days"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notice = "The due-soon window has been saved.";
        return Redirect("/training/settings");
    }

    public async Task<IActionResult> OnPostRefresherAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var course = TrainingChoices.Pick(Course, Choices.Courses.Select(c => c.Id));
        if (course is null)
        {
            ModelState.AddModelError(nameof(Course), "Choose a course from the list");
        }

        var role = string.IsNullOrEmpty(Role) ? null : Choices.Roles.Select(r => r.Name).FirstOrDefault(r => r == Role);
        if (!string.IsNullOrEmpty(Role) && role is null)
        {
            ModelState.AddModelError(nameof(Role), "Choose a role from the list, or everyone");
        }

        if (!int.TryParse(Months?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var months) || months < 1 || months > TrainingRules.MaxRefresherMonths)
        {
            ModelState.AddModelError(nameof(Months), $"Enter the refresher period in months, a whole number from 1 to {TrainingRules.MaxRefresherMonths}");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var org = User.GetOrganisationId();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.RefresherSettings.SingleOrDefaultAsync(s => s.OrganisationId == org && s.CourseId == course && s.Role == role, cancellationToken);
        if (existing is null)
        {
            db.RefresherSettings.Add(new RefresherSetting { OrganisationId = org, CourseId = course!.Value, Role = role, Months = months });
        }
        else
        {
            existing.Months = months;
        }

        await audit.AppendAsync(new AuditEvent(org, User.GetUserId(), ChangedAction, ["course:" + course], $"refresher {months} months for {role ?? "everyone"}"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notice = "The refresher period has been saved.";
        return Redirect("/training/settings");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        Choices = await TrainingChoices.LoadAsync(db, org, cancellationToken);
        Settings = await db.RefresherSettings.AsNoTracking().Where(s => s.OrganisationId == org).ToListAsync(cancellationToken);
        CurrentDueSoonDays = await db.TrainingSettings.Where(s => s.OrganisationId == org).Select(s => (int?)s.DueSoonDays).SingleOrDefaultAsync(cancellationToken) ?? TrainingRules.DefaultDueSoonDays;
    }
}
