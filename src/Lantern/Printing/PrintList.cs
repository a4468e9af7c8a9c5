namespace Lantern.Printing;

/// <summary>A bulleted or numbered list (tagged L, LI, Lbl, LBody); an item may hold one nested list.</summary>
public sealed record PrintList(bool Numbered, IReadOnlyList<PrintListItem> Items) : PrintBlock;
