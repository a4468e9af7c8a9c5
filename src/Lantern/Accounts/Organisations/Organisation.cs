namespace Lantern.Accounts.Organisations;

/// <summary>The tenant. No person, page, query or export crosses organisations.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<Location> Locations { get; } = [];
}
