using Lantern.Security.Encryption;

namespace Lantern.Concerns;

/// <summary>
/// A concern being written, saved at every step so a dropped connection loses at most one step.
/// Sealed, seen only by its author, never in an inbox or chronology, gone after 7 days. Its id is the
/// idempotency key of the submission.
/// </summary>
public sealed class ConcernDraft
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    public Guid AuthorId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public required string ContentKeyId { get; set; }

    public required byte[] ContentSealed { get; set; }

    public Sealed Content
    {
        get => new(ContentKeyId, ContentSealed);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ContentKeyId = value.KeyId;
            ContentSealed = value.Data;
        }
    }

    public static string ContentContext(Guid id) => $"draft:{id}:content";
}
