namespace Lantern.Printing;

/// <summary>The next block starts on a new page.</summary>
public sealed record PrintPageBreak : PrintBlock;
