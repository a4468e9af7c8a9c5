namespace Lantern.Accounts.Users;

/// <summary>A location a person works at. The organisation id leads the key, as on every tenant row.</summary>
public sealed class UserLocation
{
    public Guid OrganisationId { get; init; }

    public Guid UserId { get; init; }

    public Guid LocationId { get; init; }
}
