using Lantern.Security.Encryption;

namespace Lantern.Concerns;

/// <summary>
/// A safeguarding concern as recorded. Never edited once submitted: corrections are addenda,
/// outcomes are decisions. What happened and the child's own words are stored sealed.
/// </summary>
public sealed class Concern
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    /// <summary>The human reference, e.g. <c>C-2026-000123</c>, unique in the organisation.</summary>
    public required string Reference { get; init; }

    /// <summary>The submission's idempotency key (the draft's id): unique per organisation and author.</summary>
    public Guid IdempotencyKey { get; init; }

    public bool Urgent { get; init; }

    public bool AboutStaff { get; init; }

    /// <summary>The member of staff or volunteer the concern is about; it is never shown to them.</summary>
    public Guid? SubjectPersonId { get; init; }

    public ConcernRoute Route { get; init; }

    /// <summary>The allegations lead, when <see cref="Route"/> is <see cref="ConcernRoute.AllegationsLead"/>.</summary>
    public Guid? RoutedToPersonId { get; init; }

    /// <summary>Category names, comma separated.</summary>
    public required string Categories { get; init; }

    public required string WhatHappenedKeyId { get; init; }

    public required byte[] WhatHappenedSealed { get; init; }

    public required string ChildsWordsKeyId { get; init; }

    public required byte[] ChildsWordsSealed { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public bool OccurredTimeKnown { get; init; }

    public string? Location { get; init; }

    public string? WhoWasPresent { get; init; }

    /// <summary>Who raised it, when not the person recording (e.g. a parent's phone call).</summary>
    public string? RaisedBy { get; init; }

    /// <summary>Anything else noticed, as typed; in concerns recorded before signs could be ticked, every sign noticed.</summary>
    public string? Indicators { get; init; }

    /// <summary>Warning signs ticked from the screening catalogue: indicator ids, comma separated, of <see cref="IndicatorCatalogueVersion"/>.</summary>
    public string? IndicatorIds { get; init; }

    /// <summary>The organisation's catalogue version the ticked signs come from; null when none was ticked.</summary>
    public int? IndicatorCatalogueVersion { get; init; }

    public Guid RecordedById { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public ConcernStatus Status { get; set; }

    public DateTimeOffset? FirstOpenedAt { get; set; }

    public Guid? FirstOpenedById { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public Sealed WhatHappened => new(WhatHappenedKeyId, WhatHappenedSealed);

    public Sealed ChildsWords => new(ChildsWordsKeyId, ChildsWordsSealed);

    public IReadOnlyList<ConcernCategory> CategoryList => ConcernRules.ParseCategories(Categories);

    public IReadOnlyList<string> TickedIndicators => string.IsNullOrEmpty(IndicatorIds) ? [] : IndicatorIds.Split(',');

    public static string WhatHappenedContext(Guid id) => $"concern:{id}:what-happened";

    public static string ChildsWordsContext(Guid id) => $"concern:{id}:childs-words";
}
