using PdfSharp.Drawing;

namespace Lantern.Printing;

/// <summary>
/// The type sizes of a printed document and the measuring of text in them. Widths are remembered, so
/// the counting pass and the drawing pass measure each word once.
/// </summary>
internal sealed class Typography : IDisposable
{
    private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly Dictionary<(XFont Font, string Text), double> _widths = [];
    private readonly Dictionary<(double Size, bool Bold), XFont> _labels = [];

    public FontSet Body { get; } = new(10.5);

    public FontSet Table { get; } = new(9.5);

    public FontSet Small { get; } = new(8.5);

    public FontSet Heading1 { get; } = new(20);

    public FontSet Heading2 { get; } = new(15.5);

    public FontSet Heading3 { get; } = new(12.5);

    public static double LineHeight(FontSet fonts) => Math.Round(fonts.Size * 1.42, 2);

    public double Width(string text, XFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = _measure.MeasureString(text, font).Width;
            _widths[(font, text)] = width;
        }

        return width;
    }

    /// <summary>Where the baseline of <paramref name="font"/> sits in a line of this height, from the line's top.</summary>
    public static double Baseline(XFont font, double lineHeight)
    {
        var metrics = font.Metrics;
        var ascent = metrics.Ascent * font.Size / metrics.UnitsPerEm;
        var descent = Math.Abs(metrics.Descent) * font.Size / metrics.UnitsPerEm;
        return ((lineHeight - ascent - descent) / 2) + ascent;
    }

    public XFont Label(double size, bool bold)
    {
        if (!_labels.TryGetValue((size, bold), out var font))
        {
            font = PrintFonts.Create(size, bold ? PrintRunStyle.Bold : PrintRunStyle.Plain);
            _labels[(size, bold)] = font;
        }

        return font;
    }

    public void Dispose() => _measure.Dispose();
}
