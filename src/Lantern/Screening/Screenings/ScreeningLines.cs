using Lantern.Security.Encryption;

namespace Lantern.Screening.Screenings;

/// <summary>How a screening reads on a child's chronology: the final band, the scheme's band and any override with its reason.</summary>
public static class ScreeningLines
{
    public static string What(ChildScreening screening)
    {
        ArgumentNullException.ThrowIfNull(screening);
        return "CSE screening: " + ScreeningForm.BandTitle(screening.FinalBand).ToLowerInvariant() + (screening.HarmIndicated ? ", harm indicated" : "");
    }

    public static string Detail(ChildScreening screening, IRecordCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(cipher);
        var scheme = $"The scheme gave {ScreeningForm.BandTitle(screening.ComputedBand).ToLowerInvariant()} ({screening.Total} {(screening.Total == 1 ? "point" : "points")}, catalogue version {screening.CatalogueVersion}).";
        var judgement = screening.OverrideReason is { } reason
            ? $"Changed to {ScreeningForm.BandTitle(screening.FinalBand).ToLowerInvariant()} by professional judgement: {cipher.OpenText(reason, ChildScreening.OverrideReasonContext(screening.Id))}"
            : "Agreed with the scheme.";
        return $"{scheme}\n{judgement}\nNext screening {Lantern.Shared.UkTime.Date(screening.NextScreeningOn)}.";
    }
}
