namespace Lantern.Printing;

/// <summary>One shape of a drawing. Colours are "#rrggbb".</summary>
public abstract record PrintShape;
