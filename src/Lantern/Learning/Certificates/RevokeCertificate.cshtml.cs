using Lantern.Accounts;
using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Certificates;

/// <summary>
/// A training manager or organisation admin revokes a certificate of someone in their organisation:
/// they write why, check it on a confirm step, and the revocation is audited. The verification page,
/// the learner's My training and the person's training history then say so. A certificate of another
/// organisation is not found.
/// </summary>
[Authorize(Policy = LearningServices.CertificateRevokerPolicy)]
[EnableRateLimiting(AccountServices.FormRateLimit)]
public sealed class RevokeCertificateModel(LanternDbContext db, IAuditTrail audit, TimeProvider clock) : PageModel
{
    public const string RevokedAction = "certificate.revoked";

    [BindProperty]
    public string? Reason { get; set; }

    public CertificateDetails Certificate { get; private set; } = null!;

    /// <summary>The reason has been written and checked: the page asks to confirm.</summary>
    public bool Confirming { get; private set; }

    public bool IsTrainingManager => User.IsInRole(Roles.TrainingManager);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The first step: the reason is checked, then shown back with a confirm button.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await CheckAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Reason = CertificateRevocation.Read(Reason).Reason;
        Confirming = true;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await CheckAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var reason = CertificateRevocation.Read(Reason).Reason;
        var (org, me) = (User.GetOrganisationId(), User.GetUserId());
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Only a certificate not yet revoked: two people revoking at once leave the first one's reason.
            var changed = await db.Certificates
                .Where(c => c.OrganisationId == org && c.Id == id && c.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.RevokedAt, now).SetProperty(c => c.RevokedById, me).SetProperty(c => c.RevokedReason, reason), cancellationToken);
            if (changed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                await LoadAsync(id, cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }

            await audit.AppendAsync(new AuditEvent(org, me, RevokedAction, ["certificate:" + id, "completion:" + Certificate.CompletionId, AuditActions.Person(Certificate.PersonId)]), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return Redirect($"/training/certificates/{id}/revoke");
    }

    /// <summary>Finds the certificate and checks the reason; the page or refusal to answer with, or null to go on.</summary>
    private async Task<IActionResult?> CheckAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Certificate.RevokedAt is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (CertificateRevocation.Read(Reason).Problem is { } problem)
        {
            ModelState.AddModelError(nameof(Reason), problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return null;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var org = User.GetOrganisationId();
        var found = await (
                from c in db.Certificates
                join d in db.Completions on c.CompletionId equals d.Id
                join u in db.Users on c.UserId equals u.Id
                where c.Id == id && c.OrganisationId == org && d.OrganisationId == org && u.OrganisationId == org
                select new CertificateDetails(c.Id, c.CompletionId, u.Id, u.DisplayName, d.CourseTitle, d.CompletedOn, d.ValidUntil, c.RevokedAt,
                    db.Users.Where(r => r.OrganisationId == org && r.Id == c.RevokedById).Select(r => r.DisplayName).FirstOrDefault(), c.RevokedReason))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        Certificate = found;
        return true;
    }
}

/// <summary>A certificate as the revoke page shows it: whose, which course, its dates, and its revocation if it has one.</summary>
public sealed record CertificateDetails(
    Guid Id,
    Guid CompletionId,
    Guid PersonId,
    string Name,
    string Course,
    DateOnly CompletedOn,
    DateOnly? ValidUntil,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    string? RevokedReason);
