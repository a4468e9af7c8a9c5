namespace Lantern.Learning.Assignments;

/// <summary>A select list for the <c>_Select</c> partial: its field name, label, options (value, text) and the value chosen.</summary>
public sealed record SelectModel(string Name, string Label, IReadOnlyList<(string Value, string Text)> Options, string? Value = null, string? Hint = null, string? LabelClass = null);
