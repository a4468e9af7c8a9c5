namespace Lantern.Screening.Scoring;

/// <summary>A band starts at <paramref name="From"/> points (inclusive) and runs to the next band's start.</summary>
public sealed record BandThreshold(RiskBand Band, int From);
