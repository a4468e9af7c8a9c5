namespace Lantern.Printing;

/// <summary>A PNG or JPEG image, drawn at most <see cref="MaxWidth"/> points wide (the text width when not given).</summary>
public sealed record PrintImage(ReadOnlyMemory<byte> Bytes) : PrintGraphic
{
    public double? MaxWidth { get; init; }
}
