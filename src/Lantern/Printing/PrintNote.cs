namespace Lantern.Printing;

/// <summary>A note or callout box: an optional title in bold and its paragraphs, set off by a bar on the left.</summary>
public sealed record PrintNote(string? Title, IReadOnlyList<PrintParagraph> Paragraphs) : PrintBlock;
