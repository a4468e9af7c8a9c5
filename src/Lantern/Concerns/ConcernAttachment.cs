using Lantern.Security.Encryption;

namespace Lantern.Concerns;

/// <summary>An image or PDF attached to a concern (or to a draft, until it is submitted), stored sealed.</summary>
public sealed class ConcernAttachment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid? DraftId { get; set; }

    public Guid? ConcernId { get; set; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

    public required string ContentKeyId { get; init; }

    public required byte[] ContentSealed { get; init; }

    public Guid AddedById { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    public Sealed Content => new(ContentKeyId, ContentSealed);

    public static string ContentContext(Guid id) => $"attachment:{id}:content";
}
