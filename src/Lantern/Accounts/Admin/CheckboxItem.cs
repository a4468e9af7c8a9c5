namespace Lantern.Accounts.Admin;

/// <summary>One box in a GOV.UK checkboxes group: the value it posts, its label and an optional hint.</summary>
public sealed record CheckboxItem(string Value, string Text, string? Hint = null);
