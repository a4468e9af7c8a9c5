namespace Lantern.Printing;

/// <summary>The runs of one body cell of a table.</summary>
public sealed record PrintTableCell(IReadOnlyList<PrintRun> Runs)
{
    public static implicit operator PrintTableCell(string text) => new([new PrintRun(text)]);
}
