namespace Lantern.Screening.Catalogue;

/// <summary>A group of indicators a person would recognise, with a plain-English heading.</summary>
public sealed record Domain(string Id, string Name, string Summary);
