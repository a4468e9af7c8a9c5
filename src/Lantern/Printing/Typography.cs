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
    private readonly Dictionary<LinesKey, List<TextLine>> _lines = [];

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

    /// <summary>
    /// The lines of a document's runs at a width, broken once and reused by the drawing pass. Keyed by
    /// the very list of runs (not its contents), which the document keeps alive for both passes.
    /// </summary>
    public List<TextLine> Lines(IReadOnlyList<PrintRun> runs, FontSet fonts, double width, PdfCanvas canvas, PrintRunStyle emphasis = PrintRunStyle.Plain)
    {
        var key = new LinesKey(runs, fonts, width, emphasis);
        if (!_lines.TryGetValue(key, out var lines))
        {
            lines = TextFlow.Break(runs, fonts, width, canvas, emphasis);
            _lines[key] = lines;
        }

        return lines;
    }

    public void Dispose() => _measure.Dispose();

    private readonly record struct LinesKey(IReadOnlyList<PrintRun> Runs, FontSet Fonts, double Width, PrintRunStyle Emphasis)
    {
        public bool Equals(LinesKey other) =>
            ReferenceEquals(Runs, other.Runs) && ReferenceEquals(Fonts, other.Fonts) && Width.Equals(other.Width) && Emphasis == other.Emphasis;

        public override int GetHashCode() =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Runs), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Fonts), Width, Emphasis);
    }
}
