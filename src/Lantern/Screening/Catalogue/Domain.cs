namespace Lantern.Screening.Catalogue;

/// <summary>
/// A group of indicators a person would recognise, with a plain-English heading. A retired domain stays in
/// the version (with any retired indicators in it) so old screenings read as they did.
/// </summary>
public sealed record Domain(string Id, string Name, string Summary, bool Retired = false);
