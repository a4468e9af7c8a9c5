namespace Lantern.Printing;

/// <summary>A stretch of text in one style inside a paragraph, list item, cell or note; a link carries its address.</summary>
public sealed record PrintRun(string Text, PrintRunStyle Style = PrintRunStyle.Plain, Uri? Link = null)
{
    public static PrintRun Plain(string text) => new(text);

    public static PrintRun Bold(string text) => new(text, PrintRunStyle.Bold);

    public static PrintRun Italic(string text) => new(text, PrintRunStyle.Italic);

    public static PrintRun LinkTo(string text, Uri link) => new(text, PrintRunStyle.Plain, link);

    public static implicit operator PrintRun(string text) => new(text);
}
