using Lantern.Security.Encryption;

namespace Lantern.Concerns;

/// <summary>A safeguarding lead's decision on a concern, with its rationale (sealed), who and when.</summary>
public sealed class Decision
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid ConcernId { get; init; }

    public DecisionType Type { get; init; }

    public required string RationaleKeyId { get; init; }

    public required byte[] RationaleSealed { get; init; }

    public Guid DecidedById { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    public Sealed Rationale => new(RationaleKeyId, RationaleSealed);

    public static string RationaleContext(Guid id) => $"decision:{id}:rationale";
}
