namespace Lantern.Printing;

/// <summary>One item of a list: its text and, at most one level deep, a nested list.</summary>
public sealed record PrintListItem(IReadOnlyList<PrintRun> Runs, PrintList? Nested = null)
{
    public PrintListItem(string text, PrintList? nested = null)
        : this([new PrintRun(text)], nested)
    {
    }
}
