using Lantern.Accounts.Users;
using Lantern.Audit;
using Lantern.Data;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Learning.Records;

/// <summary>
/// The evidence file of training done elsewhere, opened for the training manager, always as a download
/// and never cached; each download is audited. Another organisation's person or completion is not found.
/// </summary>
[Authorize(Policy = LearningServices.TrainingManagerPolicy)]
public sealed class EvidenceFileModel(LanternDbContext db, IAuditTrail audit, IRecordCipher cipher) : PageModel
{
    public const string ReadAction = "training.evidence-read";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid completionId, CancellationToken cancellationToken)
    {
        var (org, me) = (User.GetOrganisationId(), User.GetUserId());
        var file = await db.Completions.AsNoTracking()
            .Where(c => c.OrganisationId == org && c.UserId == id && c.Id == completionId && c.Evidence != null)
            .Select(c => new { c.EvidenceName, c.EvidenceType, c.EvidenceKeyId, c.Evidence })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            await audit.RecordAccessDeniedAsync(db, User, "completion:" + completionId, "evidence download", cancellationToken);
            return NotFound();
        }

        var bytes = cipher.Open(new Sealed(file.EvidenceKeyId!, file.Evidence!), Completion.EvidenceContext(completionId));
        await audit.RecordAsync(db, new AuditEvent(org, me, ReadAction, ["completion:" + completionId, AuditActions.Person(id)]), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(bytes, file.EvidenceType ?? "application/octet-stream", file.EvidenceName ?? "evidence");
    }
}
