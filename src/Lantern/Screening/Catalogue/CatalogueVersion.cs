namespace Lantern.Screening.Catalogue;

/// <summary>
/// One published version of an organisation's screening catalogue and scheme. Never changed once
/// written: editing publishes the next version, and each screening names the version it used.
/// Version 1 is the shipped default, written the first time the organisation needs it.
/// </summary>
public sealed class CatalogueVersion
{
    public Guid OrganisationId { get; init; }

    public int Version { get; init; }

    /// <summary>The <see cref="CatalogueContent"/> as JSON.</summary>
    public required string Content { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>Who published it; null for version 1, the shipped default.</summary>
    public Guid? PublishedById { get; init; }

    /// <summary>What changed, in the publisher's words (not safeguarding data).</summary>
    public string? Note { get; init; }
}
