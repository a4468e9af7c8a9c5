namespace Lantern.Screening.Scoring;

/// <summary>Either an outcome, or the problems that stopped the answers being scored (nothing is stored then).</summary>
public sealed record ScoringResult(ScreeningOutcome? Outcome, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Outcome is not null;
}
