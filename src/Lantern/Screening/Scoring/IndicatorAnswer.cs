namespace Lantern.Screening.Scoring;

/// <summary>
/// What the screener found for one indicator. Vulnerabilities and indicators of harm are present
/// or not; risk indicators are answered by when they were last seen.
/// </summary>
public enum IndicatorAnswer
{
    NotPresent,
    Present,
    NotSeen,
    SeenWithinSixMonths,
    SeenSixToTwelveMonthsAgo,
}
