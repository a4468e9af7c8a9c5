namespace Lantern.Accounts.Organisations;

/// <summary>A place an organisation runs services from, as a regulator registers it.</summary>
public sealed class Location
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public required string Name { get; set; }

    public bool Archived { get; set; }
}
