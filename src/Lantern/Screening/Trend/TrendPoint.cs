using Lantern.Screening.Scoring;

namespace Lantern.Screening.Trend;

/// <summary>One screening on a child's trend: when, the points, the band the scheme gave, the final band, and whether harm was indicated.</summary>
public sealed record TrendPoint(DateOnly On, int Total, RiskBand ComputedBand, RiskBand FinalBand, bool HarmIndicated, int CatalogueVersion);
