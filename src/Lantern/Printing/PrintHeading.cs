namespace Lantern.Printing;

/// <summary>A heading of level 1 to 3 (tagged H1–H3); levels 1 and 2 also become bookmarks.</summary>
public sealed record PrintHeading : PrintBlock
{
    public PrintHeading(int level, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        Level = level;
        Text = text;
    }

    public int Level { get; }

    public string Text { get; }
}
