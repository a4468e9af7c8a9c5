namespace Lantern.Printing;

/// <summary>
/// A PNG or JPEG image, drawn at most <see cref="MaxWidth"/> points wide (the text width when not given).
/// <see cref="Address"/> is where a web page finds the same picture (the print view shows it from there).
/// </summary>
public sealed record PrintImage(ReadOnlyMemory<byte> Bytes) : PrintGraphic
{
    public double? MaxWidth { get; init; }

    public string? Address { get; init; }
}
