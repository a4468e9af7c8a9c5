using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Lantern.Courses.Model;

namespace Lantern.Courses.Blocks;

/// <summary>
/// Draws a bar chart as SVG, once, at import: one horizontal bar per row, its label written above it and
/// its value written beside it, so nothing depends on colour. It scales to any width (viewBox) and has
/// a title for assistive technology; the data table beside it carries the same numbers.
/// </summary>
public static class ChartSvg
{
    private const int Width = 640;
    private const int LabelHeight = 22;
    private const int BarHeight = 24;
    private const int RowGap = 14;
    private const int ValueSpace = 110;

    public static string Draw(ChartBlock chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var html = HtmlEncoder.Default;
        var max = chart.Data.Max(d => d.Value);
        var rowHeight = LabelHeight + BarHeight + RowGap;
        var height = (chart.Data.Count * rowHeight) + 10;
        var titleId = chart.ElementId + "-svg-title";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"lantern-chart__svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{titleId}\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{html.Encode(chart.Title)}: bar chart. The same figures are in the table below it.</title>");
        for (var i = 0; i < chart.Data.Count; i++)
        {
            var bar = chart.Data[i];
            var top = (i * rowHeight) + 5;
            var length = max == 0 ? 0 : (double)(bar.Value / max) * (Width - ValueSpace);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 16}\" class=\"lantern-chart__label\">{html.Encode(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{top + LabelHeight}\" width=\"{Math.Max(length, 2):0.#}\" height=\"{BarHeight}\" class=\"lantern-chart__bar\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Math.Max(length, 2) + 8:0.#}\" y=\"{top + LabelHeight + 18}\" class=\"lantern-chart__value\">{html.Encode(Format(bar.Value))}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string Format(decimal value) => value.ToString("#,##0.##", CultureInfo.GetCultureInfo("en-GB"));
}
