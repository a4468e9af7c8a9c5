namespace Lantern.Printing;

/// <summary>One field of the header printed on every page, such as "Printed by: Sam Jones".</summary>
public sealed record PrintHeaderField(string? Label, string Value)
{
    public override string ToString() => Label is null ? Value : $"{Label}: {Value}";
}
