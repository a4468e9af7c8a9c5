using Microsoft.AspNetCore.Identity;

namespace Lantern.Accounts.Users;

/// <summary>
/// A person who signs in. Belongs to exactly one organisation. A disabled person stays in the
/// records (their name on what they wrote, their training history) but cannot sign in.
/// </summary>
public sealed class LanternUser : IdentityUser<Guid>
{
    public LanternUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public Guid OrganisationId { get; set; }

    public required string DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Set when an invited person chooses their password.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;

    public List<UserLocation> Locations { get; } = [];
}
