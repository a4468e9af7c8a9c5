using Lantern.Security.Encryption;

namespace Lantern.Concerns;

/// <summary>A correction or addition to a concern. The original is never edited; this sits beside it with who and when.</summary>
public sealed class Addendum
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid ConcernId { get; init; }

    public required string TextKeyId { get; init; }

    public required byte[] TextSealed { get; init; }

    public Guid AddedById { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    public Sealed Text => new(TextKeyId, TextSealed);

    public static string TextContext(Guid id) => $"addendum:{id}:text";
}
