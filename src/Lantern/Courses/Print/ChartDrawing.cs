using Lantern.Courses.Blocks;
using Lantern.Courses.Model;
using Lantern.Printing;

namespace Lantern.Courses.Print;

/// <summary>
/// A chart block drawn for print as the page draws it (<see cref="ChartSvg"/>): one horizontal bar per
/// row, its label above it and its value beside it, so nothing depends on colour.
/// </summary>
internal static class ChartDrawing
{
    private const double Width = 480;
    private const double LabelHeight = 15;
    private const double BarHeight = 16;
    private const double RowGap = 9;
    private const double ValueSpace = 80;

    public static PrintDrawing Draw(ChartBlock chart)
    {
        var max = chart.Data.Count == 0 ? 0 : chart.Data.Max(d => d.Value);
        var row = LabelHeight + BarHeight + RowGap;
        var shapes = new List<PrintShape>();
        for (var i = 0; i < chart.Data.Count; i++)
        {
            var bar = chart.Data[i];
            var top = i * row;
            var length = Math.Max(max == 0 ? 0 : (double)(bar.Value / max) * (Width - ValueSpace), 2);
            shapes.Add(new PrintLabel(0, top, bar.Label, Size: 10));
            shapes.Add(new PrintBox(0, top + LabelHeight, length, BarHeight, "#1d70b8"));
            shapes.Add(new PrintLabel(length + 6, top + LabelHeight + 2, ChartSvg.Format(bar.Value), Size: 10, Bold: true));
        }

        return new PrintDrawing(Width, Math.Max(row * chart.Data.Count, 1), shapes);
    }

    /// <summary>What the chart shows, in words, for its alternative text.</summary>
    public static string Describe(ChartBlock chart) =>
        $"{chart.Title}: bar chart. " + string.Join("; ", chart.Data.Select(d => $"{d.Label}: {ChartSvg.Format(d.Value)}")) + ".";
}
