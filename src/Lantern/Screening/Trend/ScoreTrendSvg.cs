using System.Globalization;
using System.Text;
using Lantern.Screening.Scoring;
using Lantern.Screening.Screenings;

namespace Lantern.Screening.Trend;

/// <summary>
/// A child's screening scores over time as an SVG line chart, drawn on the server. Every point carries
/// its score in text and a harm indication is written, not coloured, so nothing depends on colour;
/// the band starts are labelled lines. The data table and the summary beside it carry the same facts.
/// </summary>
public static class ScoreTrendSvg
{
    private const int Width = 640;
    private const int Height = 300;
    private const int Left = 44;
    private const int Right = 24;
    private const int Top = 28;
    private const int Bottom = 56;
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Draw(IReadOnlyList<TrendPoint> points, IReadOnlyList<BandThreshold> bands, string titleId)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(bands);
        var top = Math.Max(points.Count == 0 ? 0 : points.Max(p => p.Total), bands.Count == 0 ? 0 : bands.Max(b => b.From)) + 4;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => points.Count == 1 ? Left + (plotWidth / 2.0) : Left + (i * (double)plotWidth / (points.Count - 1));
        double Y(int total) => Top + plotHeight - (total * (double)plotHeight / top);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"lantern-chart__svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{titleId}\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Invariant($"<title id=\"{titleId}\">Screening scores over time: line chart of {points.Count} {(points.Count == 1 ? "screening" : "screenings")}. The same figures are in the table below it.</title>"));
        // Axes.
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\" stroke=\"#0b0c0c\" stroke-width=\"1\"></line>"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + plotHeight}\" stroke=\"#0b0c0c\" stroke-width=\"1\"></line>"));
        svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{Top + plotHeight + 5}\" text-anchor=\"end\" class=\"lantern-chart__label\">0</text>"));
        svg.Append(Invariant($"<text x=\"0\" y=\"{Top - 12}\" class=\"lantern-chart__label\">Points</text>"));
        // Where each band starts, as labelled dashed lines.
        foreach (var band in bands.Where(b => b.From > 0).OrderBy(b => b.From))
        {
            var y = Y(band.From);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#505a5f\" stroke-width=\"1\" stroke-dasharray=\"6 4\"></line>"));
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{y + 5:0.#}\" text-anchor=\"end\" class=\"lantern-chart__label\">{band.From}</text>"));
            svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{y - 4:0.#}\" text-anchor=\"end\" class=\"lantern-chart__label\">{Encode(ScreeningForm.BandTitle(band.Band))} from {band.From}</text>"));
        }

        if (points.Count > 1)
        {
            var line = string.Join(' ', points.Select((p, i) => Invariant($"{X(i):0.#},{Y(p.Total):0.#}")));
            svg.Append(Invariant($"<polyline points=\"{line}\" fill=\"none\" stroke=\"#0b4f6c\" stroke-width=\"3\"></polyline>"));
        }

        // Label at most about six dates so they never overlap; the table has every one.
        var step = Math.Max(1, (int)Math.Ceiling(points.Count / 6.0));
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var x = X(i);
            var y = Y(p.Total);
            svg.Append(Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"6\" fill=\"#0b4f6c\" stroke=\"#ffffff\" stroke-width=\"2\"></circle>"));
            svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{y - 12:0.#}\" text-anchor=\"middle\" class=\"lantern-chart__value\">{p.Total}{(p.HarmIndicated ? " harm" : "")}</text>"));
            if (i % step == 0 || i == points.Count - 1)
            {
                svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{Top + plotHeight + 24}\" text-anchor=\"{(points.Count == 1 ? "middle" : i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle")}\" class=\"lantern-chart__label\">{Encode(p.On.ToString("d MMM yyyy", British))}</text>"));
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The trend in a sentence or two, for people who do not see the chart.</summary>
    public static string Summary(IReadOnlyList<TrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return "This child has not been screened.";
        }

        var last = points[^1];
        var text = new StringBuilder();
        text.Append(points.Count == 1
            ? $"1 screening, on {last.On.ToString("d MMMM yyyy", British)}: {Points(last.Total)}, {Band(last)}."
            : $"{points.Count} screenings from {points[0].On.ToString("d MMMM yyyy", British)} to {last.On.ToString("d MMMM yyyy", British)}. The latest scored {Points(last.Total)} ({Band(last)}), {Change(points[^2].Total, last.Total)} at the screening before.");
        if (points.Count > 1)
        {
            var highest = points.MaxBy(p => p.Total)!;
            text.Append(CultureInfo.InvariantCulture, $" The highest was {Points(highest.Total)}, on {highest.On.ToString("d MMMM yyyy", British)}.");
        }

        var harm = points.Count(p => p.HarmIndicated);
        if (harm > 0)
        {
            text.Append(harm == 1 ? " Harm was indicated at 1 screening." : $" Harm was indicated at {harm} screenings.");
        }

        return text.ToString();
    }

    private static string Band(TrendPoint point) =>
        point.FinalBand == point.ComputedBand
            ? ScreeningForm.BandTitle(point.FinalBand).ToLowerInvariant()
            : $"{ScreeningForm.BandTitle(point.FinalBand).ToLowerInvariant()} by the DSL's judgement, {ScreeningForm.BandTitle(point.ComputedBand).ToLowerInvariant()} by the scheme";

    private static string Change(int before, int now) =>
        now > before ? $"up from {before}" : now < before ? $"down from {before}" : $"the same as";

    private static string Points(int total) => total == 1 ? "1 point" : $"{total} points";

    private static string Encode(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
