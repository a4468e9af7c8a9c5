using System.Globalization;

namespace Lantern.Shared;

/// <summary>
/// Every time a person sees is UK local time (Europe/London: GMT in winter, BST in summer), written the
/// GOV.UK way ("4 June 2026 at 2:30pm", "midday", "midnight"); every time stored is UTC. Times a person
/// types are UK local and converted here, so the clocks changing never moves an entry in a chronology.
/// </summary>
public static class UkTime
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTimeOffset ToUk(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>Today's date in the UK (just after midnight BST, the UTC date is still yesterday).</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(ToUk(at).DateTime);

    /// <summary>
    /// A UK wall-clock time as UTC. A time the clocks skip in March (01:30) is taken as an hour later;
    /// a time that happens twice in October (01:30) is taken as the first, in BST.
    /// </summary>
    public static DateTimeOffset FromUk(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>4 June 2026</summary>
    public static string Date(DateTimeOffset at) => ToUk(at).ToString("d MMMM yyyy", British);

    /// <summary>4 Jun 2026, for tables.</summary>
    public static string ShortDate(DateTimeOffset at) => ToUk(at).ToString("d MMM yyyy", British);

    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", British);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>2:30pm, midday or midnight.</summary>
    public static string Time(DateTimeOffset at)
    {
        var uk = ToUk(at);
        return (uk.Hour, uk.Minute) switch
        {
            (12, 0) => "midday",
            (0, 0) => "midnight",
            _ => string.Create(CultureInfo.InvariantCulture, $"{(uk.Hour % 12 == 0 ? 12 : uk.Hour % 12)}:{uk.Minute:D2}{(uk.Hour < 12 ? "am" : "pm")}"),
        };
    }

    /// <summary>4 June 2026 at 2:30pm</summary>
    public static string DateAndTime(DateTimeOffset at) => Date(at) + " at " + Time(at);

    /// <summary>4 Jun 2026, 2:30pm, for tables.</summary>
    public static string ShortDateAndTime(DateTimeOffset at) => ShortDate(at) + ", " + Time(at);

    /// <summary>4 Jun 2026, 14:30:05 BST: to the second and naming the offset, for the audit log.</summary>
    public static string Precise(DateTimeOffset at)
    {
        var uk = ToUk(at);
        return uk.ToString("d MMM yyyy, HH:mm:ss", British) + (uk.Offset == TimeSpan.Zero ? " GMT" : " BST");
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without time zone data the only honest clock is UTC (which is GMT half the year).
            return TimeZoneInfo.Utc;
        }
    }
}
