using System.Globalization;

namespace Lantern.Concerns.Settings;

/// <summary>What makes an organisation's safeguarding settings acceptable: phone numbers a person can dial, an escalation time that is neither instant nor a day late.</summary>
public static class SafeguardingSettingsRules
{
    public const int PhoneMaxLength = 40;
    public const int MinEscalationMinutes = 5;
    public const int MaxEscalationMinutes = 1440;

    /// <summary>Why a phone number cannot be used, or null. Digits, spaces, brackets, dashes and a leading plus; at least 3 digits (for 999 or 101).</summary>
    public static string? ProblemWithPhone(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var phone = value.Trim();
        if (phone.Length > PhoneMaxLength)
        {
            return $"{name} must be {PhoneMaxLength} characters or fewer";
        }

        var allowed = phone.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '-' || (c == '+' && i == 0)).All(ok => ok);
        return allowed && phone.Count(char.IsAsciiDigit) >= 3
            ? null
            : $"{name} must be a phone number, like 01632 960 200";
    }

    /// <summary>The minutes read from the form, or the reason they cannot be used.</summary>
    public static (int? Minutes, string? Problem) ReadEscalationMinutes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, "Enter how many minutes an urgent concern can wait unopened");
        }

        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return (null, "Minutes must be a whole number, like 30");
        }

        return minutes is < MinEscalationMinutes or > MaxEscalationMinutes
            ? (null, $"Minutes must be between {MinEscalationMinutes} and {MaxEscalationMinutes} (24 hours)")
            : (minutes, null);
    }

    public static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
