namespace Lantern.Screening.Scoring;

/// <summary>
/// What a screening found: the total, the band the points alone give, the band after the fixed
/// rules, whether harm is indicated (shown apart from and above the band), and the reasons in
/// plain words, so the DSL can see why and judge for themselves.
/// </summary>
public sealed record ScreeningOutcome(
    int Total,
    RiskBand PointsBand,
    RiskBand Band,
    bool HarmIndicated,
    IReadOnlyList<string> HarmIndicatorIds,
    IReadOnlyList<string> Reasons);
