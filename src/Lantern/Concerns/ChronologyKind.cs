namespace Lantern.Concerns;

/// <summary>What a chronology entry records (case events and meetings will join these).</summary>
public enum ChronologyKind
{
    ConcernRecorded,
    Decision,
    Addendum,
    Screening,
}
