namespace Lantern.Concerns;

/// <summary>A child a concern is about; a concern may involve several.</summary>
public sealed class ConcernChild
{
    public Guid OrganisationId { get; init; }

    public Guid ConcernId { get; init; }

    public Guid ChildId { get; init; }
}
