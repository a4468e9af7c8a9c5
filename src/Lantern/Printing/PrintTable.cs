namespace Lantern.Printing;

/// <summary>
/// A table with a caption, one header row (tagged TH with column scope, repeated at the top of each new
/// page) and body rows (TD). Column widths are shares of the text width; equal when not given.
/// </summary>
public sealed record PrintTable(string Caption, IReadOnlyList<string> HeaderCells, IReadOnlyList<IReadOnlyList<PrintTableCell>> Rows) : PrintBlock
{
    public IReadOnlyList<double>? ColumnWeights { get; init; }

    /// <summary>The first cell of each body row is a row header (TH with row scope).</summary>
    public bool FirstColumnIsRowHeader { get; init; }
}
