namespace Lantern.Printing;

/// <summary>
/// A simple vector drawing of boxes, lines and labels in its own coordinates (points, origin top left),
/// scaled down to fit the text width. Charts and QR codes are drawn this way.
/// </summary>
public sealed record PrintDrawing(double Width, double Height, IReadOnlyList<PrintShape> Shapes) : PrintGraphic;
