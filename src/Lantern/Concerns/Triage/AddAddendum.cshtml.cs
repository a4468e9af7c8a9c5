using Lantern.Accounts;
using Lantern.Audit;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Triage;

/// <summary>An addendum: a correction or addition beside the original, which is never edited. Who and when are kept.</summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
[RequestSizeLimit(3 * 1024 * 1024)]
public sealed class AddAddendumModel(LanternDbContext db, IAuditTrail audit, IRecordCipher cipher, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int TextMaxLength = 20_000;

    [BindProperty]
    public string? Text { get; set; }

    public Concern Concern { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } concern)
        {
            return NotFound();
        }

        Concern = concern;
        var me = ConcernViewer.Of(User);
        await audit.RecordAsync(db, new AuditEvent(me.OrganisationId, me.PersonId, "concern.read", ["concern:" + id], "addendum form"), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } concern)
        {
            return NotFound();
        }

        Concern = concern;
        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), "Enter the addendum");
        }
        else if (Text.Length > TextMaxLength)
        {
            ModelState.AddModelError(nameof(Text), $"The addendum must be {TextMaxLength:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var me = ConcernViewer.Of(User);
        var now = clock.GetUtcNow();
        var addendumId = Guid.CreateVersion7();
        var text = cipher.SealText(Text!.Trim(), Addendum.TextContext(addendumId));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Addenda.Add(new Addendum
        {
            Id = addendumId,
            OrganisationId = me.OrganisationId,
            ConcernId = id,
            TextKeyId = text.KeyId,
            TextSealed = text.Data,
            AddedById = me.PersonId,
            AddedAt = now,
        });
        var children = await db.ConcernChildren.Where(cc => cc.OrganisationId == me.OrganisationId && cc.ConcernId == id).Select(cc => cc.ChildId).ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            db.ChronologyEntries.Add(new ChronologyEntry
            {
                OrganisationId = me.OrganisationId,
                ChildId = child,
                Kind = ChronologyKind.Addendum,
                OccurredAt = now,
                RecordedAt = now,
                RecordedById = me.PersonId,
                ConcernId = id,
                AddendumId = addendumId,
            });
        }

        await audit.AppendAsync(new AuditEvent(me.OrganisationId, me.PersonId, "concern.addendum", ["concern:" + id, "addendum:" + addendumId]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData[ConcernViewModel.NoticeKey] = "Addendum added. The original record is unchanged.";
        return Redirect($"/concerns/{id}");
    }

    private async Task<Concern?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var concern = await TriageAccess.FindHandledAsync(db, ConcernViewer.Of(User), id, tracked: false, cancellationToken);
        if (concern is not null && (await authorization.AuthorizeAsync(User, concern, ConcernOperations.AddAddendum)).Succeeded)
        {
            return concern;
        }

        await audit.RecordAccessDeniedAsync(db, User, "concern:" + id, nameof(ConcernOperations.AddAddendum), cancellationToken);
        return null;
    }
}
