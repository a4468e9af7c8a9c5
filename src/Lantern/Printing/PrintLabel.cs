namespace Lantern.Printing;

/// <summary>A short text label whose top left corner is at (X, Y).</summary>
public sealed record PrintLabel(double X, double Y, string Text, double Size = 9, string Colour = "#0b0c0c", bool Bold = false) : PrintShape;
