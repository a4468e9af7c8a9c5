using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Lantern.Printing;

/// <summary>
/// Writes a <see cref="PrintDocument"/> as a tagged, accessible PDF (PDF/UA in intent): title shown in
/// the window, language, a structure tree in reading order, artefacts for page furniture, bookmarks.
/// </summary>
public static class PrintPdf
{
    public static void Write(PrintDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(document.Title, nameof(document));
        ArgumentException.ThrowIfNullOrWhiteSpace(document.Language, nameof(document));
        PrintFonts.EnsureRegistered();

        using var type = new Typography();
        var images = new Dictionary<PrintImage, XImage?>();
        try
        {
            // First pass: count the pages, so every footer can say "Page 3 of 12".
            int pages;
            using (var counting = new PdfCanvas(null, type, PrintLayout.A4Width, PrintLayout.A4Height))
            {
                pages = new PrintLayout(document, counting, type, null, null, images).Run();
            }

            using var pdf = Create(document.Title, document.Language, document.Author, document.Subject);
            using (var canvas = new PdfCanvas(pdf, type, PrintLayout.A4Width, PrintLayout.A4Height))
            {
                new PrintLayout(document, canvas, type, pdf, pages, images).Run();
            }

            pdf.PageMode = PdfPageMode.UseOutlines;
            pdf.Save(output, closeStream: false);
        }
        finally
        {
            foreach (var image in images.Values)
            {
                image?.Dispose();
            }
        }
    }

    /// <summary>
    /// Only absolute web and e-mail addresses become clickable links; anything else (a relative address,
    /// a script) prints as plain text, since a PDF has no page to resolve it against.
    /// </summary>
    internal static bool IsLinkable(Uri? link) =>
        link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeMailto);

    /// <summary>
    /// A PDF document ready for tagging: title, language, author and subject (PDFsharp writes them into
    /// the XMP metadata too). PDFsharp 6.2 generates that metadata itself when saving and offers no way to
    /// add the PDF/UA identification (pdfuaid:part) to it, so the file does not claim PDF/UA conformance.
    /// </summary>
    internal static PdfDocument Create(string title, string language, string? author, string? subject)
    {
        var pdf = new PdfDocument();
        pdf.Options.CompressContentStreams = true;
        pdf.Info.Title = title;
        pdf.Info.Creator = "Lantern";
        if (author is not null)
        {
            pdf.Info.Author = author;
        }

        if (subject is not null)
        {
            pdf.Info.Subject = subject;
        }

        // The UA manager marks the document as tagged, starts its structure tree and sets DisplayDocTitle.
        var ua = UAManager.ForDocument(pdf);
        ua.SetDocumentLanguage(language);
        pdf.ViewerPreferences.DisplayDocTitle = true;
        return pdf;
    }
}
