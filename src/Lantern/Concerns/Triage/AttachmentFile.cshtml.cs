using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Triage;

/// <summary>A file attached to a concern, opened for the people who handle it, always as a download.</summary>
public sealed class AttachmentFileModel(LanternDbContext db, IAuditTrail audit, IRecordCipher cipher, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        var concern = await TriageAccess.FindHandledAsync(db, me, id, tracked: false, cancellationToken);
        var file = concern is null ? null : await db.ConcernAttachments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.OrganisationId == me.OrganisationId && a.ConcernId == id && a.Id == attachmentId, cancellationToken);
        if (concern is null || file is null || !(await authorization.AuthorizeAsync(User, concern, ConcernOperations.Read)).Succeeded)
        {
            await audit.RecordAccessDeniedAsync(db, User, "attachment:" + attachmentId, "download", cancellationToken);
            return NotFound();
        }

        var bytes = cipher.Open(file.Content, ConcernAttachment.ContentContext(file.Id));
        await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "attachment.read", ["concern:" + id, "attachment:" + attachmentId]), cancellationToken);
        return File(bytes, file.ContentType, file.FileName);
    }
}
