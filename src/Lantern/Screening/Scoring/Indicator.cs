namespace Lantern.Screening.Scoring;

/// <summary>One indicator of a scheme version. A retired indicator stays in the version so old screenings read as they did.</summary>
public sealed record Indicator(string Id, string Domain, IndicatorKind Kind, string Text, bool Retired = false);
