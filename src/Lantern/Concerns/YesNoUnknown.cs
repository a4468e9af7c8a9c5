namespace Lantern.Concerns;

/// <summary>An answer about a child's circumstances that the person recording may not know.</summary>
public enum YesNoUnknown
{
    NotKnown,
    Yes,
    No,
}
