namespace Lantern.Printing;

/// <summary>A straight line.</summary>
public sealed record PrintLine(double X1, double Y1, double X2, double Y2, string Stroke, double Thickness = 1) : PrintShape;
