using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Lantern.Printing;

/// <summary>
/// Lays a <see cref="PrintDocument"/> out on A4 pages: a header and footer on every page (artefacts), text
/// wrapped to the margins and flowing from page to page, headings kept with what follows, tables split
/// between rows with the header row repeated, figures scaled to fit. Run once to count the pages, then
/// again to draw them.
/// </summary>
internal sealed class PrintLayout
{
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;
    private const double Margin = 56.7;
    private const double HeaderTop = 28;
    private const double BottomMargin = 58;
    private const double ParagraphGap = 7;

    public static readonly XColor Ink = PdfCanvas.Colour("#0b0c0c");
    public static readonly XColor Secondary = PdfCanvas.Colour("#505a5f");
    public static readonly XColor LinkBlue = PdfCanvas.Colour("#1d70b8");
    public static readonly XColor RuleGrey = PdfCanvas.Colour("#b1b4b6");
    public static readonly XColor HeaderFill = PdfCanvas.Colour("#f3f2f1");

    private readonly PrintDocument _document;
    private readonly PdfCanvas _canvas;
    private readonly Typography _type;
    private readonly PdfDocument? _pdf;
    private readonly int? _totalPages;
    private readonly Dictionary<PrintImage, XImage?> _images;
    private readonly List<Bar> _bars = [];
    private readonly List<TextLine> _header;
    private readonly double _left = Margin;
    private readonly double _right = A4Width - Margin;
    private readonly double _bodyTop;
    private readonly double _bottom = A4Height - BottomMargin;
    private PdfOutline? _chapterOutline;
    private double _y;

    public PrintLayout(PrintDocument document, PdfCanvas canvas, Typography type, PdfDocument? pdf, int? totalPages, Dictionary<PrintImage, XImage?> images)
    {
        _document = document;
        _canvas = canvas;
        _type = type;
        _pdf = pdf;
        _totalPages = totalPages;
        _images = images;
        _header = TextFlow.Break(HeaderRuns(document.Header), type.Small, TextWidth, canvas);
        _bodyTop = HeaderTop + (_header.Count * Typography.LineHeight(type.Small)) + (_header.Count > 0 ? 20 : 0);
    }

    private double TextWidth => _right - _left;

    public int Run()
    {
        NewPage();
        foreach (var block in _document.Blocks)
        {
            Render(block);
        }

        return _canvas.PageNumber;
    }

    private void Render(PrintBlock block)
    {
        switch (block)
        {
            case PrintHeading heading:
                Heading(heading);
                break;
            case PrintParagraph paragraph:
                Paragraph(paragraph.Runs, _type.Body, _left, TextWidth, PrintRunStyle.Plain, Ink);
                _y += ParagraphGap;
                break;
            case PrintList list:
                List(list, _left, 0);
                _y += ParagraphGap - 3;
                break;
            case PrintTable table:
                Table(table);
                break;
            case PrintFigure figure:
                Figure(figure);
                break;
            case PrintQuotation quotation:
                Quotation(quotation);
                break;
            case PrintNote note:
                Note(note);
                break;
            case PrintPageBreak:
                if (_y > _bodyTop)
                {
                    NewPage();
                }

                break;
            case PrintRule:
                Rule();
                break;
            default:
                throw new ArgumentException($"No print layout for {block.GetType().Name}.", nameof(block));
        }
    }

    private static List<PrintRun> HeaderRuns(IReadOnlyList<PrintHeaderField> fields)
    {
        var runs = new List<PrintRun>();
        foreach (var field in fields)
        {
            if (runs.Count > 0)
            {
                runs.Add(new PrintRun("   |   "));
            }

            if (field.Label is null)
            {
                runs.Add(PrintRun.Bold(field.Value));
            }
            else
            {
                // Non-breaking spaces keep a short label with the start of its value.
                runs.Add(new PrintRun(field.Label.Replace(' ', '\u00a0') + ":\u00a0"));
                runs.Add(new PrintRun(field.Value));
            }
        }

        return runs;
    }

    // ----- pages -----------------------------------------------------------------------------------

    private void NewPage()
    {
        foreach (var bar in _bars)
        {
            DrawBar(bar, _y);
        }

        _canvas.NewPage();
        _y = _bodyTop;
        PageFurniture();
        foreach (var bar in _bars)
        {
            bar.Start = _y;
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one (or the page is empty).</summary>
    private void EnsureSpace(double height)
    {
        if (_y + height > _bottom + 0.01 && _y > _bodyTop + 0.01)
        {
            NewPage();
        }
    }

    private void PageFurniture()
    {
        if (!_canvas.Drawing)
        {
            return;
        }

        _canvas.BeginArtifact();
        var small = Typography.LineHeight(_type.Small);
        var y = HeaderTop;
        foreach (var line in _header)
        {
            DrawLine(line, _left, y, small, Secondary);
            y += small;
        }

        if (_header.Count > 0)
        {
            _canvas.Line(_left, y + 6, _right, y + 6, RuleGrey, 0.75);
        }

        var footerY = A4Height - 38;
        var pageText = string.Create(CultureInfo.InvariantCulture, $"Page {_canvas.PageNumber} of {_totalPages ?? _canvas.PageNumber}");
        var font = _type.Small.For(PrintRunStyle.Plain);
        var pageWidth = _type.Width(pageText, font);
        _canvas.Line(_left, footerY - 4, _right, footerY - 4, RuleGrey, 0.75);
        var baseline = footerY + Typography.Baseline(font, small);
        _canvas.Text(pageText, font, Secondary, _right - pageWidth, baseline);
        var footer = Shorten(_document.Footer ?? _document.Title, font, TextWidth - pageWidth - 24);
        _canvas.Text(footer, font, Secondary, _left, baseline);
        _canvas.End();
    }

    /// <summary>The footer repeats the title, so a long one is shortened with an ellipsis rather than run into the page number.</summary>
    private string Shorten(string text, XFont font, double width)
    {
        if (_type.Width(text, font) <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && _type.Width(text[..length] + "…", font) > width)
        {
            length--;
        }

        return text[..length].TrimEnd() + "…";
    }

    // ----- text ------------------------------------------------------------------------------------

    private void DrawLine(TextLine line, double x, double top, double lineHeight, XColor colour)
    {
        foreach (var segment in line.Segments)
        {
            var baseline = top + Typography.Baseline(segment.Font, lineHeight);
            if (!PrintPdf.IsLinkable(segment.Link))
            {
                _canvas.Text(segment.Text, segment.Font, colour, x + segment.X, baseline);
                continue;
            }

            _canvas.BeginLink(segment.Link!, segment.Text, new XRect(x + segment.X, top, segment.Width, lineHeight));
            _canvas.Text(segment.Text, segment.Font, LinkBlue, x + segment.X, baseline);
            _canvas.End();
        }
    }

    /// <summary>Draws lines inside the element already begun, starting a new page whenever the next line would not fit.</summary>
    private void FlowLines(IReadOnlyList<TextLine> lines, double x, double lineHeight, XColor colour)
    {
        foreach (var line in lines)
        {
            EnsureSpace(lineHeight);
            DrawLine(line, x, _y, lineHeight, colour);
            _y += lineHeight;
        }
    }

    private void Paragraph(IReadOnlyList<PrintRun> runs, FontSet fonts, double x, double width, PrintRunStyle emphasis, XColor colour)
    {
        var lines = _type.Lines(runs, fonts, width, _canvas, emphasis);
        _canvas.Begin(PdfBlockLevelElementTag.Paragraph);
        FlowLines(lines, x, Typography.LineHeight(fonts), colour);
        _canvas.End();
    }

    private void Heading(PrintHeading heading)
    {
        var (fonts, tag, before) = heading.Level switch
        {
            1 => (_type.Heading1, PdfBlockLevelElementTag.Heading1, 16.0),
            2 => (_type.Heading2, PdfBlockLevelElementTag.Heading2, 12.0),
            _ => (_type.Heading3, PdfBlockLevelElementTag.Heading3, 8.0),
        };
        var lines = TextFlow.Break([new PrintRun(heading.Text)], fonts, TextWidth, _canvas, PrintRunStyle.Bold);
        var lineHeight = Typography.LineHeight(fonts);
        var height = lines.Count * lineHeight;
        var gap = _y > _bodyTop + 0.01 ? before : 0;

        // A heading stays with the first two lines of what follows it.
        EnsureSpace(gap + height + 4 + (2 * Typography.LineHeight(_type.Body)));
        if (_y > _bodyTop + 0.01)
        {
            _y += gap;
        }

        Bookmark(heading, _y);
        _canvas.Begin(tag);
        FlowLines(lines, _left, lineHeight, Ink);
        _canvas.End();
        _y += 4;
    }

    private void Bookmark(PrintHeading heading, double top)
    {
        if (_pdf is null || _canvas.CurrentPage is not { } page || heading.Level > 2)
        {
            return;
        }

        var parent = heading.Level == 2 && _chapterOutline is not null ? _chapterOutline.Outlines : _pdf.Outlines;
        var outline = parent.Add(heading.Text, page, true);
        outline.PageDestinationType = PdfPageDestinationType.Xyz;
        outline.Top = A4Height - top + 4;
        if (heading.Level == 1)
        {
            _chapterOutline = outline;
        }
    }

    // ----- lists -----------------------------------------------------------------------------------

    private void List(PrintList list, double x, int depth)
    {
        var fonts = _type.Body;
        var lineHeight = Typography.LineHeight(fonts);
        // Numbers are right-aligned before the text, so the widest ("12.") sets the indent.
        var widest = list.Numbered ? _type.Width(list.Items.Count.ToString(CultureInfo.InvariantCulture) + ".", fonts.For(PrintRunStyle.Plain)) : 0;
        var labelWidth = list.Numbered ? Math.Max(22.0, widest + 10) : 16.0;
        var bodyX = x + labelWidth;
        _canvas.Begin(PdfBlockLevelElementTag.List);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var lines = _type.Lines(item.Runs, fonts, _right - bodyX, _canvas);
            EnsureSpace(lineHeight);
            _canvas.Begin(PdfBlockLevelElementTag.ListItem);

            var label = list.Numbered ? (i + 1).ToString(CultureInfo.InvariantCulture) + "." : depth == 0 ? "•" : "–";
            var labelFont = fonts.For(PrintRunStyle.Plain);
            var labelX = list.Numbered ? bodyX - 6 - _type.Width(label, labelFont) : x + 4;
            _canvas.Begin(PdfBlockLevelElementTag.Label);
            _canvas.Text(label, labelFont, Ink, labelX, _y + Typography.Baseline(labelFont, lineHeight));
            _canvas.End();

            _canvas.Begin(PdfBlockLevelElementTag.ListBody);
            FlowLines(lines, bodyX, lineHeight, Ink);
            if (item.Nested is { } nested)
            {
                _y += 2;
                List(nested, bodyX, depth + 1);
            }

            _canvas.End();
            _canvas.End();
            _y += 3;
        }

        _canvas.End();
    }

    // ----- tables ----------------------------------------------------------------------------------

    private void Table(PrintTable table)
    {
        const double pad = 4;
        var columns = table.HeaderCells.Count;
        if (columns == 0)
        {
            return;
        }

        var weights = table.ColumnWeights is { } given && given.Count == columns ? given : Enumerable.Repeat(1.0, columns).ToList();
        var total = weights.Sum();
        var widths = weights.Select(w => TextWidth * w / total).ToArray();
        var xs = new double[columns];
        for (var c = 1; c < columns; c++)
        {
            xs[c] = xs[c - 1] + widths[c - 1];
        }

        var fonts = _type.Table;
        var lineHeight = Typography.LineHeight(fonts);
        var header = table.HeaderCells
            .Select((text, c) => TextFlow.Break([new PrintRun(text)], fonts, widths[c] - (2 * pad), _canvas, PrintRunStyle.Bold))
            .ToList();
        var headerHeight = (header.Max(l => l.Count) * lineHeight) + (2 * pad);
        var caption = TextFlow.Break([PrintRun.Bold(table.Caption)], _type.Body, TextWidth, _canvas);
        var captionHeight = caption.Count * Typography.LineHeight(_type.Body);

        List<TextLine>[] Cells(IReadOnlyList<PrintTableCell> row) =>
            Enumerable.Range(0, columns)
                .Select(c => _type.Lines(c < row.Count ? row[c].Runs : [], fonts, widths[c] - (2 * pad), _canvas, table.FirstColumnIsRowHeader && c == 0 ? PrintRunStyle.Bold : PrintRunStyle.Plain))
                .ToArray();

        var firstRow = table.Rows.Count > 0 ? Cells(table.Rows[0]).Max(l => l.Count) * lineHeight : 0;
        EnsureSpace(captionHeight + 4 + headerHeight + Math.Min(firstRow + (2 * pad), _bottom - _bodyTop - captionHeight - headerHeight - 4));

        _canvas.Begin(PdfBlockLevelElementTag.Table);
        _canvas.BeginBlock("Caption");
        FlowLines(caption, _left, Typography.LineHeight(_type.Body), Ink);
        _canvas.End();
        _y += 4;

        void HeaderRow(bool tagged)
        {
            _canvas.BeginArtifact();
            _canvas.Fill(new XRect(_left, _y, TextWidth, headerHeight), HeaderFill);
            _canvas.Line(_left, _y + headerHeight, _right, _y + headerHeight, Ink, 1);
            _canvas.End();
            if (tagged)
            {
                _canvas.Begin(PdfBlockLevelElementTag.TableRow);
            }
            else
            {
                // The header repeated on a later page is a visual aid only; the structure has it once.
                _canvas.BeginArtifact();
            }

            for (var c = 0; c < columns; c++)
            {
                if (tagged)
                {
                    _canvas.BeginHeaderCell(rowScope: false);
                }

                var y = _y + pad;
                foreach (var line in header[c])
                {
                    DrawLine(line, _left + xs[c] + pad, y, lineHeight, Ink);
                    y += lineHeight;
                }

                if (tagged)
                {
                    _canvas.End();
                }
            }

            _canvas.End();
            _y += headerHeight;
        }

        HeaderRow(tagged: true);
        foreach (var row in table.Rows)
        {
            var cells = Cells(row);
            var rowLines = cells.Max(l => l.Count);
            var done = 0;
            while (done < rowLines)
            {
                var left = rowLines - done;
                var room = _bottom - _y - (2 * pad);
                var freshRoom = _bottom - _bodyTop - headerHeight - (2 * pad);
                if ((left * lineHeight) > room + 0.01 && ((left * lineHeight) <= freshRoom || room < lineHeight))
                {
                    // The row fits on a fresh page (or not one line of it fits here): move it, header first.
                    NewPage();
                    HeaderRow(tagged: false);
                    continue;
                }

                // A row taller than a page is split between lines; each part is its own table row.
                var take = Math.Min(left, Math.Max(1, (int)Math.Floor((room + 0.01) / lineHeight)));
                _canvas.Begin(PdfBlockLevelElementTag.TableRow);
                for (var c = 0; c < columns; c++)
                {
                    if (table.FirstColumnIsRowHeader && c == 0)
                    {
                        _canvas.BeginHeaderCell(rowScope: true);
                    }
                    else
                    {
                        _canvas.Begin(PdfBlockLevelElementTag.TableDataCell);
                    }

                    var y = _y + pad;
                    foreach (var line in cells[c].Skip(done).Take(take))
                    {
                        DrawLine(line, _left + xs[c] + pad, y, lineHeight, Ink);
                        y += lineHeight;
                    }

                    _canvas.End();
                }

                _canvas.End();
                _y += (take * lineHeight) + (2 * pad);
                _canvas.BeginArtifact();
                _canvas.Line(_left, _y, _right, _y, RuleGrey, 0.75);
                _canvas.End();
                done += take;
            }
        }

        _canvas.End();
        _y += ParagraphGap + 4;
    }

    // ----- figures ---------------------------------------------------------------------------------

    private void Figure(PrintFigure figure)
    {
        if (figure.Graphic is PrintImage unreadable && Image(unreadable) is null)
        {
            // An image PDFsharp cannot read (a GIF, a broken file): its words stand in for it, so nothing is lost.
            if (!figure.Decorative)
            {
                Note(new PrintNote("Picture not shown", [new PrintParagraph(figure.AltText), .. figure.Caption is { Length: > 0 } c ? [new PrintParagraph(c)] : Array.Empty<PrintParagraph>()]));
            }

            return;
        }

        var caption = figure.Caption is { Length: > 0 } text
            ? TextFlow.Break([new PrintRun(text)], _type.Small, TextWidth, _canvas)
            : [];
        var captionHeight = caption.Count * Typography.LineHeight(_type.Small);
        var (width, height) = figure.Graphic switch
        {
            PrintImage image => ImageSize(image),
            PrintDrawing drawing => (drawing.Width, drawing.Height),
            _ => throw new ArgumentException($"No print layout for {figure.Graphic.GetType().Name}.", nameof(figure)),
        };

        // Never wider than the text or taller than a page can hold with its caption.
        var scale = Math.Min(1, TextWidth / width);
        scale = Math.Min(scale, (_bottom - _bodyTop - captionHeight - 8) / height);
        width *= scale;
        height *= scale;
        EnsureSpace(height + 4 + captionHeight);

        var bounds = new XRect(_left, _y, width, height);
        if (figure.Decorative)
        {
            _canvas.BeginArtifact();
            DrawGraphic(figure.Graphic, bounds, scale);
            _canvas.End();
        }
        else
        {
            if (caption.Count > 0)
            {
                _canvas.Begin(PdfGroupingElementTag.Division);
            }

            var pdfBounds = new XRect(bounds.X, A4Height - bounds.Bottom, bounds.Width, bounds.Height);
            _canvas.BeginFigure(figure.AltText, pdfBounds);
            DrawGraphic(figure.Graphic, bounds, scale);
            _canvas.End();
            _y += height + 4;
            if (caption.Count > 0)
            {
                _canvas.BeginBlock("Caption");
                FlowLines(caption, _left, Typography.LineHeight(_type.Small), Secondary);
                _canvas.End();
                _canvas.End();
            }

            _y += ParagraphGap + 2;
            return;
        }

        _y += height + ParagraphGap + 6;
    }

    private (double Width, double Height) ImageSize(PrintImage image)
    {
        var x = Image(image)!;
        var width = Math.Min(image.MaxWidth ?? TextWidth, x.PointWidth);
        return (width, width * x.PixelHeight / x.PixelWidth);
    }

    private XImage? Image(PrintImage image)
    {
        if (!_images.TryGetValue(image, out var x))
        {
            try
            {
                x = XImage.FromStream(new MemoryStream(image.Bytes.ToArray(), writable: false));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or NotSupportedException or IndexOutOfRangeException)
            {
                x = null;
            }

            _images[image] = x;
        }

        return x;
    }

    private void DrawGraphic(PrintGraphic graphic, XRect bounds, double scale)
    {
        if (!_canvas.Drawing)
        {
            return;
        }

        switch (graphic)
        {
            case PrintImage image:
                _canvas.Image(Image(image)!, bounds);
                break;
            case PrintDrawing drawing:
                DrawShapes(_canvas, _type, drawing, bounds.X, bounds.Y, scale);
                break;
        }
    }

    public static void DrawShapes(PdfCanvas canvas, Typography type, PrintDrawing drawing, double x, double y, double scale)
    {
        foreach (var shape in drawing.Shapes)
        {
            switch (shape)
            {
                case PrintBox box:
                    var rect = new XRect(x + (box.X * scale), y + (box.Y * scale), box.Width * scale, box.Height * scale);
                    canvas.Fill(rect, PdfCanvas.Colour(box.Fill));
                    if (box.Stroke is { } stroke)
                    {
                        canvas.Outline(rect, PdfCanvas.Colour(stroke), 0.75);
                    }

                    break;
                case PrintLine line:
                    canvas.Line(x + (line.X1 * scale), y + (line.Y1 * scale), x + (line.X2 * scale), y + (line.Y2 * scale), PdfCanvas.Colour(line.Stroke), line.Thickness * scale);
                    break;
                case PrintLabel label:
                    var font = type.Label(Math.Round(label.Size * scale, 2), label.Bold);
                    var height = Typography.LineHeight(new FontSet(font.Size));
                    canvas.Text(label.Text, font, PdfCanvas.Colour(label.Colour), x + (label.X * scale), y + (label.Y * scale) + Typography.Baseline(font, height));
                    break;
            }
        }
    }

    // ----- quotations, notes, rules ----------------------------------------------------------------

    private void Quotation(PrintQuotation quotation)
    {
        EnsureSpace(Typography.LineHeight(_type.Body) * 2);
        _canvas.Begin(PdfGroupingElementTag.BlockQuotation);
        var bar = OpenBar(_left + 1.5, 3, RuleGrey);
        Paragraph(quotation.Runs, _type.Body, _left + 16, TextWidth - 16, PrintRunStyle.Italic, Ink);
        if (quotation.Attribution is { Length: > 0 } attribution)
        {
            _y += 2;
            Paragraph([new PrintRun("— " + attribution)], _type.Body, _left + 16, TextWidth - 16, PrintRunStyle.Plain, Secondary);
        }

        CloseBar(bar);
        _canvas.End();
        _y += ParagraphGap + 2;
    }

    private void Note(PrintNote note)
    {
        EnsureSpace(Typography.LineHeight(_type.Body) * 2);
        _y += 2;
        _canvas.Begin(PdfGroupingElementTag.Division);
        var bar = OpenBar(_left + 2.5, 5, RuleGrey);
        if (note.Title is { Length: > 0 } title)
        {
            Paragraph([PrintRun.Bold(title)], _type.Body, _left + 18, TextWidth - 18, PrintRunStyle.Plain, Ink);
            _y += 3;
        }

        for (var i = 0; i < note.Paragraphs.Count; i++)
        {
            if (i > 0)
            {
                _y += 5;
            }

            Paragraph(note.Paragraphs[i].Runs, _type.Body, _left + 18, TextWidth - 18, PrintRunStyle.Plain, Ink);
        }

        CloseBar(bar);
        _canvas.End();
        _y += ParagraphGap + 4;
    }

    private void Rule()
    {
        EnsureSpace(16);
        _canvas.BeginArtifact();
        _canvas.Line(_left, _y + 7, _right, _y + 7, RuleGrey, 1);
        _canvas.End();
        _y += 16;
    }

    /// <summary>A bar in the left margin of a quotation or note, drawn page by page as its text flows.</summary>
    private sealed class Bar(double x, double thickness, XColor colour, double start)
    {
        public double X { get; } = x;

        public double Thickness { get; } = thickness;

        public XColor Colour { get; } = colour;

        public double Start { get; set; } = start;
    }

    private Bar OpenBar(double x, double thickness, XColor colour)
    {
        var bar = new Bar(x, thickness, colour, _y);
        _bars.Add(bar);
        return bar;
    }

    private void CloseBar(Bar bar)
    {
        DrawBar(bar, _y);
        _bars.Remove(bar);
    }

    private void DrawBar(Bar bar, double end)
    {
        if (end <= bar.Start)
        {
            return;
        }

        _canvas.BeginArtifact();
        _canvas.Line(bar.X, bar.Start, bar.X, end, bar.Colour, bar.Thickness);
        _canvas.End();
    }
}
