namespace Lantern.Printing;

/// <summary>
/// A picture or drawing with its alternative text (tagged Figure with Alt) and an optional visible caption.
/// A decorative figure carries no meaning: it is drawn as an artefact and screen readers skip it.
/// </summary>
public sealed record PrintFigure(PrintGraphic Graphic, string AltText, string? Caption = null) : PrintBlock
{
    public bool Decorative { get; init; }

    public static PrintFigure DecorativeOnly(PrintGraphic graphic) => new(graphic, string.Empty) { Decorative = true };
}
