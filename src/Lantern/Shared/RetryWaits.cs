namespace Lantern.Shared;

/// <summary>How long background work waits before trying again after failures: doubling from a first wait, up to a cap.</summary>
public static class RetryWaits
{
    public static TimeSpan Doubling(int failures, TimeSpan first, TimeSpan cap)
    {
        var exponent = Math.Clamp(failures - 1, 0, 20);
        var wait = first * Math.Pow(2, exponent);
        return wait < cap ? wait : cap;
    }
}
