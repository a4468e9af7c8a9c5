namespace Lantern.Printing;

/// <summary>A paragraph of runs (tagged P); a line feed inside a run starts a new line.</summary>
public sealed record PrintParagraph(IReadOnlyList<PrintRun> Runs) : PrintBlock
{
    public PrintParagraph(string text)
        : this([new PrintRun(text)])
    {
    }
}
