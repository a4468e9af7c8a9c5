using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Lantern.Printing;

/// <summary>
/// Writes the blocks of a <see cref="PrintDocument"/> as GOV.UK-styled HTML for a print view: the same
/// blocks the PDF is made of, so paper from the browser and the PDF say the same. Every text is encoded;
/// links keep only web, mail, telephone and this site's own addresses. Headings are shifted down by
/// <c>headingShift</c> levels, so the page keeps its own h1.
/// </summary>
public static class PrintHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Blocks(IEnumerable<PrintBlock> blocks, int headingShift = 0)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var html = new StringBuilder();
        var figure = 0;
        foreach (var block in blocks)
        {
            Block(html, block, headingShift, ref figure);
        }

        return html.ToString();
    }

    private static void Block(StringBuilder html, PrintBlock block, int shift, ref int figure)
    {
        switch (block)
        {
            case PrintHeading heading:
                var level = Math.Min(heading.Level + shift, 6);
                var size = heading.Level switch { 1 => "govuk-heading-l", 2 => "govuk-heading-m", _ => "govuk-heading-s" };
                html.Append(CultureInfo.InvariantCulture, $"<h{level} class=\"{size} lantern-print__h{heading.Level}\">{Encoder.Encode(heading.Text)}</h{level}>");
                break;
            case PrintParagraph paragraph:
                html.Append("<p class=\"govuk-body\">");
                Runs(html, paragraph.Runs);
                html.Append("</p>");
                break;
            case PrintList list:
                List(html, list);
                break;
            case PrintTable table:
                Table(html, table);
                break;
            case PrintFigure picture:
                Figure(html, picture, ++figure);
                break;
            case PrintQuotation quotation:
                html.Append("<blockquote class=\"govuk-inset-text lantern-print__quote\"><p class=\"govuk-body\">");
                Runs(html, quotation.Runs);
                html.Append("</p>");
                if (quotation.Attribution is { Length: > 0 } attribution)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body lantern-print__attribution\">— {Encoder.Encode(attribution)}</p>");
                }

                html.Append("</blockquote>");
                break;
            case PrintNote note:
                html.Append("<div class=\"govuk-inset-text lantern-print__note\">");
                if (note.Title is { Length: > 0 } title)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\"><strong>{Encoder.Encode(title)}</strong></p>");
                }

                foreach (var paragraph in note.Paragraphs)
                {
                    html.Append("<p class=\"govuk-body\">");
                    Runs(html, paragraph.Runs);
                    html.Append("</p>");
                }

                html.Append("</div>");
                break;
            case PrintPageBreak:
                html.Append("<div class=\"lantern-print__page-break\"></div>");
                break;
            case PrintRule:
                html.Append("<hr class=\"govuk-section-break govuk-section-break--visible govuk-section-break--m\">");
                break;
        }
    }

    private static void Runs(StringBuilder html, IEnumerable<PrintRun> runs)
    {
        foreach (var run in runs)
        {
            var open = run.Style switch
            {
                PrintRunStyle.Bold => "<strong>",
                PrintRunStyle.Italic => "<em>",
                PrintRunStyle.BoldItalic => "<strong><em>",
                _ => string.Empty,
            };
            var close = run.Style switch
            {
                PrintRunStyle.Bold => "</strong>",
                PrintRunStyle.Italic => "</em>",
                PrintRunStyle.BoldItalic => "</em></strong>",
                _ => string.Empty,
            };
            var text = Encoder.Encode(run.Text).Replace("&#xA;", "<br>", StringComparison.Ordinal);
            if (IsSafeLink(run.Link))
            {
                var external = run.Link!.IsAbsoluteUri ? " rel=\"noreferrer\"" : string.Empty;
                html.Append(CultureInfo.InvariantCulture, $"<a class=\"govuk-link\" href=\"{Encoder.Encode(run.Link.OriginalString)}\"{external}>{open}{text}{close}</a>");
            }
            else
            {
                html.Append(open).Append(text).Append(close);
            }
        }
    }

    private static bool IsSafeLink(Uri? link) =>
        link is not null && (link.IsAbsoluteUri
            ? link.Scheme is "https" or "http" or "mailto" or "tel"
            : link.OriginalString.StartsWith('/') && !link.OriginalString.StartsWith("//", StringComparison.Ordinal));

    private static void List(StringBuilder html, PrintList list)
    {
        var tag = list.Numbered ? "ol" : "ul";
        html.Append(CultureInfo.InvariantCulture, $"<{tag} class=\"govuk-list {(list.Numbered ? "govuk-list--number" : "govuk-list--bullet")}\">");
        foreach (var item in list.Items)
        {
            html.Append("<li>");
            Runs(html, item.Runs);
            if (item.Nested is { } nested)
            {
                List(html, nested);
            }

            html.Append("</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</{tag}>");
    }

    private static void Table(StringBuilder html, PrintTable table)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"lantern-table-wrapper\" role=\"region\" tabindex=\"0\" aria-label=\"{Encoder.Encode(table.Caption)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">{Encoder.Encode(table.Caption)}</caption>");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        foreach (var cell in table.HeaderCells)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"govuk-table__header\">{Encoder.Encode(cell)}</th>");
        }

        html.Append("</tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var row in table.Rows)
        {
            html.Append("<tr class=\"govuk-table__row\">");
            for (var c = 0; c < table.HeaderCells.Count; c++)
            {
                var header = c == 0 && table.FirstColumnIsRowHeader;
                html.Append(header ? "<th scope=\"row\" class=\"govuk-table__header\">" : "<td class=\"govuk-table__cell\">");
                if (c < row.Count)
                {
                    Runs(html, row[c].Runs);
                }

                html.Append(header ? "</th>" : "</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void Figure(StringBuilder html, PrintFigure figure, int number)
    {
        var alt = figure.Decorative ? string.Empty : figure.AltText;
        html.Append("<figure class=\"lantern-print__figure\">");
        switch (figure.Graphic)
        {
            case PrintImage image:
                var source = image.Address
                             ?? (image.Bytes.IsEmpty ? null : "data:" + (image.Bytes.Span is [0x89, ..] ? "image/png" : "image/jpeg") + ";base64," + Convert.ToBase64String(image.Bytes.Span));
                if (source is not null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<img class=\"lantern-image\" src=\"{Encoder.Encode(source)}\" alt=\"{Encoder.Encode(alt)}\">");
                }

                break;
            case PrintDrawing drawing:
                Svg(html, drawing, alt, number);
                break;
        }

        if (figure.Caption is { Length: > 0 } caption)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figcaption class=\"govuk-body-s lantern-print__caption\">{Encoder.Encode(caption)}</figcaption>");
        }

        html.Append("</figure>");
    }

    /// <summary>A drawing as inline SVG in its own coordinates (points), scaled to the width of the text.</summary>
    private static void Svg(StringBuilder html, PrintDrawing drawing, string alt, int number)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"print-figure-{number}-title");
        html.Append(alt.Length == 0
            ? Invariant($"<svg class=\"lantern-print__drawing\" viewBox=\"0 0 {drawing.Width:0.##} {drawing.Height:0.##}\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">")
            : Invariant($"<svg class=\"lantern-print__drawing\" viewBox=\"0 0 {drawing.Width:0.##} {drawing.Height:0.##}\" role=\"img\" aria-labelledby=\"{id}\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}\">{Encoder.Encode(alt)}</title>"));
        foreach (var shape in drawing.Shapes)
        {
            switch (shape)
            {
                case PrintBox box:
                    html.Append(Invariant($"<rect x=\"{box.X:0.##}\" y=\"{box.Y:0.##}\" width=\"{box.Width:0.##}\" height=\"{box.Height:0.##}\" fill=\"{Colour(box.Fill)}\""));
                    html.Append(box.Stroke is { } stroke ? Invariant($" stroke=\"{Colour(stroke)}\" stroke-width=\"0.75\"></rect>") : "></rect>");
                    break;
                case PrintLine line:
                    html.Append(Invariant($"<line x1=\"{line.X1:0.##}\" y1=\"{line.Y1:0.##}\" x2=\"{line.X2:0.##}\" y2=\"{line.Y2:0.##}\" stroke=\"{Colour(line.Stroke)}\" stroke-width=\"{line.Thickness:0.##}\"></line>"));
                    break;
                case PrintLabel label:
                    // The label's Y is its top; SVG places text by its baseline.
                    html.Append(Invariant($"<text x=\"{label.X:0.##}\" y=\"{label.Y + (label.Size * 0.95):0.##}\" font-size=\"{label.Size:0.##}\" fill=\"{Colour(label.Colour)}\"{(label.Bold ? " font-weight=\"bold\"" : string.Empty)}>{Encoder.Encode(label.Text)}</text>"));
                    break;
            }
        }

        html.Append("</svg>");
    }

    /// <summary>Only "#rrggbb" colours are written; anything else is drawn in ink.</summary>
    private static string Colour(string colour) =>
        colour.Length == 7 && colour[0] == '#' && colour.Skip(1).All(char.IsAsciiHexDigit) ? colour : "#0b0c0c";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
