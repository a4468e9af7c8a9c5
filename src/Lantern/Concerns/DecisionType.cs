namespace Lantern.Concerns;

/// <summary>What the safeguarding lead decided about a concern. Every one needs a written rationale.</summary>
public enum DecisionType
{
    NoFurtherAction,
    Monitor,
    EarlyHelp,
    ReferToChildrensSocialCare,
    ReferToPolice,
    ReferToLado,

    /// <summary>Information-sharing advice 2024, "golden rule" 7: a decision not to share is recorded with its reasons too.</summary>
    DecisionNotToShare,
}
