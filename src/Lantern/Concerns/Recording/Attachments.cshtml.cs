using Lantern.Accounts;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Security.Encryption;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Recording;

/// <summary>
/// The attachments step: images and PDFs, checked by their content (not their name) and size, sealed
/// at once and kept with the draft. A file too large for the request gets a page that says so; every
/// other answer is already saved in the draft.
/// </summary>
[EnableRateLimiting(AccountServices.FormRateLimit)]
[RequestSizeLimit(AttachmentTypes.MaxBytes + (512 * 1024))]
public sealed partial class AttachmentsModel(LanternDbContext db, ConcernDrafts drafts, IRecordCipher cipher, TimeProvider clock, ILogger<AttachmentsModel> logger) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Guid DraftId { get; private set; }

    public IReadOnlyList<RecordModel.AttachmentRow> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        if (await drafts.FindAsync(me, draftId, cancellationToken) is null)
        {
            return Redirect(RecordingSteps.Path(draftId, RecordingSteps.Danger));
        }

        DraftId = draftId;
        await LoadAsync(me, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        if (await drafts.FindAsync(me, draftId, cancellationToken) is null)
        {
            return Redirect(RecordingSteps.Path(draftId, RecordingSteps.Danger));
        }

        DraftId = draftId;
        await LoadAsync(me, cancellationToken);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a file to attach");
            return Page();
        }

        if (Files.Count >= AttachmentTypes.MaxPerConcern)
        {
            ModelState.AddModelError(nameof(Upload), $"You can attach up to {AttachmentTypes.MaxPerConcern} files");
            return Page();
        }

        if (Upload.Length > AttachmentTypes.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be smaller than 10 MB");
            return Page();
        }

        var bytes = new byte[Upload.Length];
        await using (var stream = Upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var name = Path.GetFileName(Upload.FileName ?? "file");
        var (contentType, problem) = AttachmentTypes.Check(name, bytes);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            return Page();
        }

        var id = Guid.CreateVersion7();
        var content = cipher.Seal(bytes, ConcernAttachment.ContentContext(id));
        db.ConcernAttachments.Add(new ConcernAttachment
        {
            Id = id,
            OrganisationId = me.OrganisationId,
            DraftId = draftId,
            FileName = name.Length > 255 ? name[^255..] : name,
            ContentType = contentType!,
            Length = bytes.Length,
            ContentKeyId = content.KeyId,
            ContentSealed = content.Data,
            AddedById = me.PersonId,
            AddedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            LogNotSaved(logger, e.GetType().Name);
            ModelState.AddModelError(nameof(Upload), "The file could not be saved because of a problem on our side. Your other answers are saved. Try again in a minute.");
            return Page();
        }

        return Redirect(RecordingSteps.Path(draftId, RecordingSteps.Attachments));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid draftId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var me = ConcernViewer.Of(User);
        if (await drafts.FindAsync(me, draftId, cancellationToken) is null)
        {
            return NotFound();
        }

        await db.ConcernAttachments
            .Where(a => a.OrganisationId == me.OrganisationId && a.DraftId == draftId && a.Id == attachmentId)
            .ExecuteDeleteAsync(cancellationToken);
        return Redirect(RecordingSteps.Path(draftId, RecordingSteps.Attachments));
    }

    private async Task LoadAsync(ConcernViewer me, CancellationToken cancellationToken) =>
        Files = await db.ConcernAttachments.AsNoTracking()
            .Where(a => a.OrganisationId == me.OrganisationId && a.DraftId == DraftId)
            .OrderBy(a => a.AddedAt)
            .Select(a => new RecordModel.AttachmentRow(a.Id, a.FileName, a.Length))
            .ToListAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "An attachment could not be saved ({Error}).")]
    private static partial void LogNotSaved(ILogger logger, string error);
}
