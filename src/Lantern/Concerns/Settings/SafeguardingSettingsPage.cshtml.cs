using Lantern.Accounts;
using Lantern.Accounts.Admin;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Lantern.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Settings;

/// <summary>
/// The organisation admin's safeguarding settings: the allegations lead (who takes concerns about a
/// safeguarding lead), the children's social care numbers shown after every concern, and how long an
/// urgent concern may wait unopened. Every change is audited in the same transaction.
/// </summary>
[Authorize(Policy = PageServices.AdminPolicy)]
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class SafeguardingSettingsPageModel(LanternDbContext db, IAuditTrail audit) : PageModel
{
    public const string AuditAction = "safeguarding-settings.change";

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [TempData(Key = "SafeguardingSettingsNotice")]
    public string? Notice { get; set; }

    public IReadOnlyList<CheckboxItem> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        var settings = await db.SafeguardingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationId == org, cancellationToken)
            ?? SafeguardingSettings.DefaultsFor(org);
        Input = new SettingsInput
        {
            AllegationsLeadId = settings.AllegationsLeadId?.ToString(),
            SocialCareFrontDoorPhone = settings.SocialCareFrontDoorPhone,
            SocialCareOutOfHoursPhone = settings.SocialCareOutOfHoursPhone,
            UrgentEscalationMinutes = settings.UrgentEscalationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await LoadAsync(org, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        ModelState.Clear();
        Guid? lead = null;
        if (!string.IsNullOrWhiteSpace(Input.AllegationsLeadId))
        {
            // Only an active person of this organisation can be chosen: anyone else's id is simply not found.
            lead = Guid.TryParse(Input.AllegationsLeadId, out var id)
                && await db.Users.AnyAsync(u => u.OrganisationId == org && u.Id == id && u.DisabledAt == null, cancellationToken)
                ? id
                : null;
            if (lead is null)
            {
                ModelState.AddModelError("Input.AllegationsLeadId", "Choose the allegations lead from the list");
            }
        }

        if (SafeguardingSettingsRules.ProblemWithPhone(Input.SocialCareFrontDoorPhone, "Front door number") is { } frontDoor)
        {
            ModelState.AddModelError("Input.SocialCareFrontDoorPhone", frontDoor);
        }

        if (SafeguardingSettingsRules.ProblemWithPhone(Input.SocialCareOutOfHoursPhone, "Out of hours number") is { } outOfHours)
        {
            ModelState.AddModelError("Input.SocialCareOutOfHoursPhone", outOfHours);
        }

        var (minutes, problem) = SafeguardingSettingsRules.ReadEscalationMinutes(Input.UrgentEscalationMinutes);
        if (problem is not null)
        {
            ModelState.AddModelError("Input.UrgentEscalationMinutes", problem);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(org, cancellationToken);
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var settings = await db.SafeguardingSettings.SingleOrDefaultAsync(s => s.OrganisationId == org, cancellationToken);
            if (settings is null)
            {
                settings = SafeguardingSettings.DefaultsFor(org);
                db.SafeguardingSettings.Add(settings);
            }

            var changed = new List<string>();
            if (settings.AllegationsLeadId != lead)
            {
                changed.Add("allegations lead");
            }

            var frontDoorPhone = SafeguardingSettingsRules.Tidy(Input.SocialCareFrontDoorPhone);
            var outOfHoursPhone = SafeguardingSettingsRules.Tidy(Input.SocialCareOutOfHoursPhone);
            if (settings.SocialCareFrontDoorPhone != frontDoorPhone)
            {
                changed.Add("front door number");
            }

            if (settings.SocialCareOutOfHoursPhone != outOfHoursPhone)
            {
                changed.Add("out of hours number");
            }

            if (settings.UrgentEscalationMinutes != minutes)
            {
                changed.Add("escalation minutes");
            }

            settings.AllegationsLeadId = lead;
            settings.SocialCareFrontDoorPhone = frontDoorPhone;
            settings.SocialCareOutOfHoursPhone = outOfHoursPhone;
            settings.UrgentEscalationMinutes = minutes!.Value;
            if (changed.Count > 0)
            {
                var records = new List<string> { "safeguarding-settings:" + org };
                if (lead is { } l)
                {
                    records.Add(AuditActions.Person(l));
                }

                await audit.AppendAsync(new AuditEvent(org, User.GetUserId(), AuditAction, records, "changed: " + string.Join(", ", changed)), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        Notice = "Safeguarding settings saved";
        return Redirect("/admin/safeguarding");
    }

    private async Task LoadAsync(Guid org, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == org && u.DisabledAt == null)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        People = people.Select(p => new CheckboxItem(p.Id.ToString(), $"{p.DisplayName} ({p.Email})")).ToList();
    }

    /// <summary>The form as typed: kept as text so a wrong value comes back to the person exactly as they wrote it.</summary>
    public sealed class SettingsInput
    {
        public string? AllegationsLeadId { get; set; }

        public string? SocialCareFrontDoorPhone { get; set; }

        public string? SocialCareOutOfHoursPhone { get; set; }

        public string? UrgentEscalationMinutes { get; set; }
    }
}
