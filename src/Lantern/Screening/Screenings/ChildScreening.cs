using Lantern.Screening.Scoring;
using Lantern.Security.Encryption;

namespace Lantern.Screening.Screenings;

/// <summary>
/// One CSE screening of a child: the catalogue version used, the answers, what the scorer found, and
/// the DSL's judgement. Never edited: a later screening is a new row. The answers and the child's age
/// are kept so the outcome and its reasons read exactly as they did, whatever the catalogue becomes.
/// The evidence, the DSL's analysis and any reason for an override are sealed.
/// </summary>
public sealed class ChildScreening
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid ChildId { get; init; }

    /// <summary>The concern the screening was started from, if any.</summary>
    public Guid? ConcernId { get; init; }

    /// <summary>The form's idempotency key: a retried save never makes a second screening.</summary>
    public Guid IdempotencyKey { get; init; }

    public int CatalogueVersion { get; init; }

    /// <summary>Indicator id to answer, as JSON (codes only, no free text).</summary>
    public required string Answers { get; init; }

    public int? ChildAgeYears { get; init; }

    public int Total { get; init; }

    /// <summary>The band after the fixed rules: what the scheme says.</summary>
    public RiskBand ComputedBand { get; init; }

    public bool HarmIndicated { get; init; }

    /// <summary>The band after the DSL's judgement: the same as <see cref="ComputedBand"/> when they agreed.</summary>
    public RiskBand FinalBand { get; init; }

    public bool Overridden => FinalBand != ComputedBand;

    /// <summary>Evidence per indicator (JSON, sealed): what was seen, by whom and when.</summary>
    public required string EvidenceKeyId { get; init; }

    public required byte[] EvidenceSealed { get; init; }

    /// <summary>The DSL's analysis, kept apart from the evidence (sealed; may be empty).</summary>
    public required string OpinionKeyId { get; init; }

    public required byte[] OpinionSealed { get; init; }

    /// <summary>Why the DSL overrode the band (sealed); null when they agreed.</summary>
    public string? OverrideReasonKeyId { get; init; }

    public byte[]? OverrideReasonSealed { get; init; }

    public DateOnly NextScreeningOn { get; init; }

    public Guid ScreenedById { get; init; }

    public DateTimeOffset ScreenedAt { get; init; }

    public Sealed Evidence => new(EvidenceKeyId, EvidenceSealed);

    public Sealed Opinion => new(OpinionKeyId, OpinionSealed);

    public Sealed? OverrideReason => OverrideReasonKeyId is null || OverrideReasonSealed is null ? null : new(OverrideReasonKeyId, OverrideReasonSealed);

    public static string EvidenceContext(Guid id) => $"screening:{id}:evidence";

    public static string OpinionContext(Guid id) => $"screening:{id}:opinion";

    public static string OverrideReasonContext(Guid id) => $"screening:{id}:override-reason";
}
