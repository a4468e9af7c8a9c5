namespace Lantern.Screening.Scoring;

/// <summary>The risk bands, lowest first: the order matters (a rule may raise a band, never lower it).</summary>
public enum RiskBand
{
    NoApparentRisk,
    Mild,
    Moderate,
    Significant,
}
