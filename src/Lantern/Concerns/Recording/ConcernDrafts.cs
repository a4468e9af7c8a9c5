using System.Text.Json;
using Lantern.Concerns.Access;
using Lantern.Data;
using Lantern.Security.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Concerns.Recording;

/// <summary>Finds and saves a person's own drafts, sealed. Nobody else's draft is ever found; an expired one is gone.</summary>
public sealed class ConcernDrafts(LanternDbContext db, IRecordCipher cipher, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(ConcernDraft Draft, ConcernDraftContent Content)?> FindAsync(ConcernViewer me, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(me);
        var now = clock.GetUtcNow();
        var draft = await db.ConcernDrafts
            .Where(d => d.OrganisationId == me.OrganisationId && d.Id == id && d.AuthorId == me.PersonId && d.ExpiresAt > now)
            .SingleOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var content = JsonSerializer.Deserialize<ConcernDraftContent>(cipher.Open(draft.Content, ConcernDraft.ContentContext(id)), Json) ?? new ConcernDraftContent();
        return (draft, content);
    }

    /// <summary>Whether a draft with this id belongs to somebody else (its id cannot be used by this person).</summary>
    public Task<bool> TakenAsync(ConcernViewer me, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(me);
        return db.ConcernDrafts.AnyAsync(d => d.Id == id && (d.OrganisationId != me.OrganisationId || d.AuthorId != me.PersonId), cancellationToken);
    }

    public async Task SaveAsync(ConcernViewer me, Guid id, ConcernDraft? existing, ConcernDraftContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(me);
        var now = clock.GetUtcNow();
        var sealedContent = cipher.Seal(JsonSerializer.SerializeToUtf8Bytes(content, Json), ConcernDraft.ContentContext(id));
        if (existing is null)
        {
            db.ConcernDrafts.Add(new ConcernDraft
            {
                Id = id,
                OrganisationId = me.OrganisationId,
                AuthorId = me.PersonId,
                CreatedAt = now,
                UpdatedAt = now,
                ExpiresAt = now + ConcernDraft.Lifetime,
                ContentKeyId = sealedContent.KeyId,
                ContentSealed = sealedContent.Data,
            });
        }
        else
        {
            existing.Content = sealedContent;
            existing.UpdatedAt = now;
            existing.ExpiresAt = now + ConcernDraft.Lifetime;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
