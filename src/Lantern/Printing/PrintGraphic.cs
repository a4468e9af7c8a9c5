namespace Lantern.Printing;

/// <summary>What a figure shows: a bitmap image or a vector drawing.</summary>
public abstract record PrintGraphic;
