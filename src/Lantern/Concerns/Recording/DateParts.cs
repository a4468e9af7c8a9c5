using System.Globalization;

namespace Lantern.Concerns.Recording;

/// <summary>Reads a GOV.UK date input (day, month, year as typed) and an optional 24-hour time.</summary>
public static class DateParts
{
    public static DateOnly? Read(string? day, string? month, string? year) =>
        int.TryParse(day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && y is >= 1900 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    public static bool IsEmpty(string? day, string? month, string? year) =>
        string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year);

    /// <summary>"14:30", "9:05", "0930" or "2.30pm"-free 24-hour times; null when not a time.</summary>
    public static TimeOnly? ReadTime(string? text)
    {
        var t = text?.Trim().Replace('.', ':');
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }
}
