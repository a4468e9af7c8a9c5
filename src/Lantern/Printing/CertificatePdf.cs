using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;

namespace Lantern.Printing;

/// <summary>
/// A certificate of completion: one tagged A4 landscape page with the person's name, the course, the
/// dates, the verification code and a QR code of the page where anyone can check it is genuine.
/// </summary>
public static class CertificatePdf
{
    private const double Width = PrintLayout.A4Height;
    private const double Height = PrintLayout.A4Width;
    private const double Margin = 60;
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static void Write(Stream output, string name, string course, DateOnly completedOn, DateOnly? validUntil, string verificationCode, Uri verifyUrl, string siteName)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(course);
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationCode);
        ArgumentNullException.ThrowIfNull(verifyUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(siteName);

        using var type = new Typography();
        using var pdf = PrintPdf.Create($"Certificate: {course}, {name}", "en-GB", siteName, course);
        using (var canvas = new PdfCanvas(pdf, type, Width, Height))
        {
            canvas.NewPage();
            Frame(canvas);

            var dates = "Completed on " + completedOn.ToString("d MMMM yyyy", British)
                + (validUntil is { } until ? ". Valid until " + until.ToString("d MMMM yyyy", British) + "." : ".");
            var qrSize = 104.0;
            var textWidth = Width - (2 * Margin) - 40;

            // Long names and course titles wrap; if all of it would not fit, every size shrinks together.
            for (var scale = 1.0; ; scale -= 0.05)
            {
                if (scale < 0.3)
                {
                    throw new ArgumentException("The name or course title is too long to print on a certificate.", nameof(name));
                }

                var lines = new List<(string Text, double Size, bool Bold, bool Heading, XColor Colour, double Before)>
                {
                    (siteName, 13 * scale, true, false, PrintLayout.Secondary, 0),
                    ("Certificate of completion", 30 * scale, true, true, PrintLayout.Ink, 14 * scale),
                    ("This is to certify that", 13 * scale, false, false, PrintLayout.Secondary, 22 * scale),
                    (name, 28 * scale, true, false, PrintLayout.Ink, 8 * scale),
                    ("has completed the course", 13 * scale, false, false, PrintLayout.Secondary, 16 * scale),
                    (course, 20 * scale, true, false, PrintLayout.Ink, 8 * scale),
                    (dates, 12 * scale, false, false, PrintLayout.Ink, 18 * scale),
                };
                var laidOut = lines.Select(l => (Line: l, Lines: TextFlow.Break([new PrintRun(l.Text, l.Bold ? PrintRunStyle.Bold : PrintRunStyle.Plain)], new FontSet(l.Size), textWidth, canvas))).ToList();
                var height = laidOut.Sum(l => l.Line.Before + (l.Lines.Count * Typography.LineHeight(new FontSet(l.Line.Size))));
                var top = Margin + 34;
                var room = Height - top - Margin - qrSize - 30;
                if (height > room)
                {
                    continue;
                }

                var y = top;
                foreach (var (line, wrapped) in laidOut)
                {
                    y += line.Before;
                    var lineHeight = Typography.LineHeight(new FontSet(line.Size));
                    canvas.Begin(line.Heading ? PdfBlockLevelElementTag.Heading1 : PdfBlockLevelElementTag.Paragraph);
                    foreach (var text in wrapped)
                    {
                        var x = (Width - text.Width) / 2;
                        foreach (var segment in text.Segments)
                        {
                            canvas.Text(segment.Text, segment.Font, line.Colour, x + segment.X, y + Typography.Baseline(segment.Font, lineHeight));
                        }

                        y += lineHeight;
                    }

                    canvas.End();
                }

                break;
            }

            // The QR code and the words that say what it is for, side by side at the foot of the page.
            var qr = QrCodeDrawing.For(verifyUrl);
            var qrScale = qrSize / qr.Width;
            var qrX = Margin + 30;
            var qrY = Height - Margin - 10 - qrSize;
            canvas.BeginFigure($"QR code that opens the verification page {verifyUrl.AbsoluteUri}", new XRect(qrX, Height - qrY - qrSize, qrSize, qrSize));
            PrintLayout.DrawShapes(canvas, type, qr, qrX, qrY, qrScale);
            canvas.End();

            var verifyX = qrX + qrSize + 16;
            var verifyWidth = Width - Margin - 30 - verifyX;
            var runs = new List<PrintRun>
            {
                "To check this certificate is genuine, scan the QR code or go to ",
                PrintRun.LinkTo(verifyUrl.AbsoluteUri, verifyUrl),
                "\nVerification code: ",
                PrintRun.Bold(verificationCode),
            };
            var small = type.Body;
            var verifyLines = TextFlow.Break(runs, small, verifyWidth, canvas);
            var lineHeightSmall = Typography.LineHeight(small);
            var verifyY = qrY + ((qrSize - (verifyLines.Count * lineHeightSmall)) / 2);
            canvas.Begin(PdfBlockLevelElementTag.Paragraph);
            foreach (var line in verifyLines)
            {
                foreach (var segment in line.Segments)
                {
                    var baseline = verifyY + Typography.Baseline(segment.Font, lineHeightSmall);
                    if (PrintPdf.IsLinkable(segment.Link) && segment.Link is { } link)
                    {
                        canvas.BeginLink(link, segment.Text, new XRect(verifyX + segment.X, verifyY, segment.Width, lineHeightSmall));
                        canvas.Text(segment.Text, segment.Font, PrintLayout.LinkBlue, verifyX + segment.X, baseline);
                        canvas.End();
                    }
                    else
                    {
                        canvas.Text(segment.Text, segment.Font, PrintLayout.Ink, verifyX + segment.X, baseline);
                    }
                }

                verifyY += lineHeightSmall;
            }

            canvas.End();
        }

        pdf.Save(output, closeStream: false);
    }

    /// <summary>A double border round the page: decoration only, so an artefact.</summary>
    private static void Frame(PdfCanvas canvas)
    {
        canvas.BeginArtifact();
        canvas.Outline(new XRect(28, 28, Width - 56, Height - 56), PrintLayout.LinkBlue, 3);
        canvas.Outline(new XRect(36, 36, Width - 72, Height - 72), PrintLayout.RuleGrey, 0.75);
        canvas.End();
    }
}
