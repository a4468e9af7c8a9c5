namespace Lantern.Screening.Scoring;

/// <summary>
/// The four kinds of indicator of the shipped scheme, modelled on SERAF (Barnardo's Cymru).
/// Indicators that abuse has happened (<see cref="Harm"/>) are kept apart from indicators of risk:
/// they are never scored, and any one present is shown above the risk band.
/// </summary>
public enum IndicatorKind
{
    Vulnerability,
    ModerateRisk,
    SignificantRisk,
    Harm,
}
