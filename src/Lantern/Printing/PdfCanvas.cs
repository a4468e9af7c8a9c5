using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace Lantern.Printing;

/// <summary>
/// Pages of a tagged PDF and the drawing on them. Every mark is made inside a structure element or an
/// artefact, so the structure tree holds the whole text in reading order. Without a document the canvas
/// only counts pages: the layout runs once that way to learn the page count for "Page 3 of 12".
/// </summary>
internal sealed class PdfCanvas : IDisposable
{
    private readonly PdfDocument? _document;
    private readonly StructureBuilder? _structure;
    private readonly Typography _type;
    private readonly Dictionary<XColor, XSolidBrush> _brushes = [];
    private XGraphics? _page;

    public PdfCanvas(PdfDocument? document, Typography type, double pageWidth, double pageHeight)
    {
        _document = document;
        _type = type;
        _structure = document is null ? null : UAManager.ForDocument(document).StructureBuilder;
        PageWidth = pageWidth;
        PageHeight = pageHeight;
    }

    public double PageWidth { get; }

    public double PageHeight { get; }

    public int PageNumber { get; private set; }

    public bool Drawing => _document is not null;

    public PdfPage? CurrentPage { get; private set; }

    public void NewPage()
    {
        PageNumber++;
        if (_document is null)
        {
            return;
        }

        // Close the page's marked content while its graphics still exist, then start the next page.
        if (_page is not null)
        {
            _structure!.EndMarkedContentsWithId();
            _page.Dispose();
        }

        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        CurrentPage = page;
        _page = XGraphics.FromPdfPage(page);
    }

    public double Width(string text, XFont font) => _type.Width(text, font);

    public void Begin(PdfBlockLevelElementTag tag) => _structure?.BeginElement(tag);

    public void Begin(PdfGroupingElementTag tag) => _structure?.BeginElement(tag);

    /// <summary>A block-level element PDFsharp has no name for (Caption), so its text is marked as content.</summary>
    public void BeginBlock(string tag) => _structure?.BeginBlockLevelElement(tag);

    /// <summary>A header cell: TH with its scope, so each data cell is announced with its column (or row).</summary>
    public void BeginHeaderCell(bool rowScope)
    {
        if (_structure is null)
        {
            return;
        }

        _structure.BeginElement(PdfBlockLevelElementTag.TableHeaderCell);
        _structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", rowScope ? "/Row" : "/Column");
    }

    public void BeginFigure(string altText, XRect bounds) =>
        _structure?.BeginElement(PdfIllustrationElementTag.Figure, altText, bounds);

    /// <summary>A Link element with its annotation over <paramref name="bounds"/> (page coordinates, from the top).</summary>
    public void BeginLink(Uri target, string text, XRect bounds)
    {
        if (_structure is null)
        {
            return;
        }

        var rect = new PdfRectangle(new XPoint(bounds.Left, PageHeight - bounds.Bottom), new XPoint(bounds.Right, PageHeight - bounds.Top));
        var annotation = PdfLinkAnnotation.CreateWebLink(rect, target.AbsoluteUri);
        // No border box around the link: it is already underlined and coloured.
        annotation.Elements.SetObject("/Border", new PdfArray(_document!, new PdfInteger(0), new PdfInteger(0), new PdfInteger(0)));
        _structure.BeginElement(annotation, $"{text} ({target.AbsoluteUri})");
    }

    /// <summary>Marks running headers, footers, rules and decorative pictures, which screen readers skip.</summary>
    public void BeginArtifact() => _structure?.BeginArtifact();

    public void End() => _structure?.End();

    public void Text(string text, XFont font, XColor colour, double x, double baseline)
    {
        if (_page is null || text.Length == 0)
        {
            return;
        }

        _page.DrawString(text, font, Brush(colour), x, baseline);
    }

    public void Fill(XRect rect, XColor colour)
    {
        _page?.DrawRectangle(Brush(colour), rect);
    }

    public void Outline(XRect rect, XColor colour, double thickness)
    {
        _page?.DrawRectangle(new XPen(colour, thickness), rect);
    }

    public void Line(double x1, double y1, double x2, double y2, XColor colour, double thickness)
    {
        _page?.DrawLine(new XPen(colour, thickness), x1, y1, x2, y2);
    }

    public void Image(XImage image, XRect rect)
    {
        _page?.DrawImage(image, rect);
    }

    private XSolidBrush Brush(XColor colour)
    {
        if (!_brushes.TryGetValue(colour, out var brush))
        {
            brush = new XSolidBrush(colour);
            _brushes[colour] = brush;
        }

        return brush;
    }

    public void Dispose()
    {
        if (_page is not null)
        {
            _structure!.EndMarkedContentsWithId();
            _page.Dispose();
            _page = null;
        }
    }

    public static XColor Colour(string hex)
    {
        var value = hex.TrimStart('#');
        if (value.Length != 6 || !int.TryParse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            throw new ArgumentException($"A colour is written #rrggbb, not \"{hex}\".", nameof(hex));
        }

        return XColor.FromArgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}
