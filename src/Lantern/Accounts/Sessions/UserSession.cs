namespace Lantern.Accounts.Sessions;

/// <summary>
/// A signed-in session, kept in the database so that every app node sees it, so that disabling a
/// person ends all of their sessions at once, and so that the idle timeout is enforced on the server.
/// </summary>
public sealed class UserSession
{
    public required string Id { get; init; }

    public Guid OrganisationId { get; init; }

    public Guid UserId { get; init; }

    /// <summary>The authentication ticket, protected by Data Protection.</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset AbsoluteExpiresAt { get; set; }

    public int IdleTimeoutSeconds { get; set; }
}
