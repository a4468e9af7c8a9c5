namespace Lantern.Concerns;

/// <summary>Bound from <c>Lantern:Concerns</c>: installation-wide settings of the concerns feature.</summary>
public sealed class ConcernOptions
{
    public const string Section = "Lantern:Concerns";

    /// <summary>How often to look for unopened urgent concerns and expired drafts.</summary>
    public int EscalationCheckSeconds { get; set; } = 30;
}
