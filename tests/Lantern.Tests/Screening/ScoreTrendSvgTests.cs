using Lantern.Screening.Catalogue;
using Lantern.Screening.Scoring;
using Lantern.Screening.Trend;

namespace Lantern.Tests.Screening;

public sealed class ScoreTrendSvgTests
{
    private static readonly TrendPoint[] Three =
    [
        new(new DateOnly(2026, 3, 2), 3, RiskBand.NoApparentRisk, RiskBand.NoApparentRisk, false, 1),
        new(new DateOnly(2026, 6, 1), 12, RiskBand.Moderate, RiskBand.Moderate, true, 1),
        new(new DateOnly(2026, 9, 1), 7, RiskBand.Mild, RiskBand.Moderate, false, 2),
    ];

    [Fact]
    public void The_chart_names_itself_and_writes_every_score_and_harm_in_text()
    {
        var svg = ScoreTrendSvg.Draw(Three, CatalogueContent.Default.Bands, "t");

        Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-labelledby=\"t\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"t\">Screening scores over time: line chart of 3 screenings. The same figures are in the table below it.</title>", svg, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(svg, "<circle "));
        Assert.Contains(">3</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">12 harm</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">7</text>", svg, StringComparison.Ordinal);
        Assert.Contains("<polyline ", svg, StringComparison.Ordinal);
        Assert.Contains(">Mild risk from 6</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Significant risk from 16</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">2 Mar 2026</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void One_screening_is_a_point_without_a_line()
    {
        var svg = ScoreTrendSvg.Draw([Three[0]], CatalogueContent.Default.Bands, "t");

        Assert.Equal(1, CountOf(svg, "<circle "));
        Assert.DoesNotContain("<polyline", svg, StringComparison.Ordinal);
        Assert.Contains("line chart of 1 screening.", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_screenings_label_only_some_dates_so_none_overlap()
    {
        var many = Enumerable.Range(0, 24).Select(i => new TrendPoint(new DateOnly(2024, 1, 1).AddMonths(i), i, RiskBand.Mild, RiskBand.Mild, false, 1)).ToList();

        var svg = ScoreTrendSvg.Draw(many, CatalogueContent.Default.Bands, "t");

        Assert.Equal(24, CountOf(svg, "<circle "));
        Assert.InRange(CountOf(svg, " 2024</text>") + CountOf(svg, " 2025</text>"), 2, 7);
    }

    [Fact]
    public void The_summary_tells_the_trend_the_highest_score_any_harm_and_any_change_of_band_by_judgement()
    {
        var summary = ScoreTrendSvg.Summary(Three);

        Assert.Equal(
            "3 screenings from 2 March 2026 to 1 September 2026. The latest scored 7 points (moderate risk by the DSL's judgement, mild risk by the scheme), down from 12 at the screening before. The highest was 12 points, on 1 June 2026. Harm was indicated at 1 screening.",
            summary);
        Assert.Equal("This child has not been screened.", ScoreTrendSvg.Summary([]));
        Assert.Equal("1 screening, on 2 March 2026: 3 points, no apparent risk.", ScoreTrendSvg.Summary([Three[0]]));
        Assert.Contains("up from 3", ScoreTrendSvg.Summary(Three[..2]), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
