namespace Lantern.Concerns;

/// <summary>Where a concern stands: waiting in the inbox, or decided.</summary>
public enum ConcernStatus
{
    Open,
    Decided,
}
