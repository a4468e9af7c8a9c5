using System.Globalization;
using System.Text;
using Lantern.Learning.Records;
using SpreadCheetah;

namespace Lantern.Learning.Matrix;

/// <summary>
/// Writes the training matrix as CSV or XLSX straight to a stream, row by row (SpreadCheetah for XLSX:
/// a streaming writer, ENGINEERING.md "XLSX"), as the rows are read a slice of people at a time. Both carry the organisation, the date and time, who
/// exported it and the filters, then one row per person and one column per course. Every cell is
/// neutralised against formula injection.
/// </summary>
public static class MatrixExport
{
    public static IReadOnlyList<string> Heading(string organisation, DateTimeOffset at, string exportedBy, string filters) =>
    [
        $"Training matrix, {organisation}",
        $"Exported on {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by {exportedBy}",
        filters,
    ];

    public static IReadOnlyList<string> Columns(TrainingColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return ["Person", "Still here", "Locations", "Roles", .. columns.Courses.Select(c => c.Title)];
    }

    public static IEnumerable<string> Cells(TrainingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        yield return row.Name;
        yield return row.Left ? "Left" : "Yes";
        yield return string.Join("; ", row.Locations);
        yield return string.Join("; ", row.Roles.Select(Assignments.TrainingChoices.RoleTitle));
        foreach (var cell in row.Cells)
        {
            yield return CellText(cell);
        }
    }

    public static string CellText(TrainingCell? cell)
    {
        if (cell is null)
        {
            return string.Empty;
        }

        var state = cell.State;
        var text = new StringBuilder(state.Text);
        if (state.CompletedOn is { } done)
        {
            text.Append(", completed ").Append(Iso(done));
        }

        if (state.ValidUntil is { } until)
        {
            text.Append(state.Status == TrainingStatus.Expired ? ", expired " : ", valid until ").Append(Iso(until));
        }
        else if (state.CompletedOn is null && state.DueOn is { } due)
        {
            text.Append(", due ").Append(Iso(due));
        }

        return text.ToString();
    }

    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> heading, TrainingColumns columns, IAsyncEnumerable<TrainingRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        foreach (var line in heading)
        {
            await writer.WriteAsync(SpreadsheetText.CsvLine([line]));
        }

        await writer.WriteAsync("\r\n");
        await writer.WriteAsync(SpreadsheetText.CsvLine(Columns(columns)));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(SpreadsheetText.CsvLine(Cells(row)));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static async Task WriteXlsxAsync(Stream output, IReadOnlyList<string> heading, TrainingColumns columns, IAsyncEnumerable<TrainingRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using var sheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken);
        await sheet.StartWorksheetAsync("Training matrix", token: cancellationToken);
        foreach (var line in heading)
        {
            await sheet.AddRowAsync([new Cell(SpreadsheetText.Neutralise(line))], cancellationToken);
        }

        await sheet.AddRowAsync(Array.Empty<Cell>(), cancellationToken);
        await sheet.AddRowAsync(Columns(columns).Select(c => new Cell(SpreadsheetText.Neutralise(c))).ToArray(), cancellationToken);
        var cells = new Cell[4 + columns.Courses.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var i = 0;
            foreach (var text in Cells(row))
            {
                cells[i++] = new Cell(SpreadsheetText.Neutralise(text));
            }

            await sheet.AddRowAsync(cells, cancellationToken);
        }

        await sheet.FinishAsync(cancellationToken);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
