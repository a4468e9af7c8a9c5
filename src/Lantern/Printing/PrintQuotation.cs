namespace Lantern.Printing;

/// <summary>A quotation (tagged BlockQuote) with an optional attribution, such as the person or source quoted.</summary>
public sealed record PrintQuotation(IReadOnlyList<PrintRun> Runs, string? Attribution = null) : PrintBlock
{
    public PrintQuotation(string text, string? attribution = null)
        : this([new PrintRun(text)], attribution)
    {
    }
}
