namespace Lantern.Concerns.Recording;

/// <summary>A GOV.UK date input: the names and typed values of its day, month and year, its legend and hint.</summary>
public sealed record DateInputModel(string DayName, string MonthName, string YearName, string Legend, string Hint, string? Day, string? Month, string? Year);
