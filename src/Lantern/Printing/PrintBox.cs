namespace Lantern.Printing;

/// <summary>A filled rectangle, with an optional outline.</summary>
public sealed record PrintBox(double X, double Y, double Width, double Height, string Fill, string? Stroke = null) : PrintShape;
