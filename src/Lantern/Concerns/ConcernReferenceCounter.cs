namespace Lantern.Concerns;

/// <summary>The last concern number given in an organisation in a year, for references such as <c>C-2026-000123</c>.</summary>
public sealed class ConcernReferenceCounter
{
    public Guid OrganisationId { get; init; }

    public int Year { get; init; }

    public int LastNumber { get; set; }
}
