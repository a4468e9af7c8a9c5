using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Lantern.Printing;

/// <summary>
/// The fonts Lantern prints with: DejaVu Sans in four styles, shipped inside the assembly (see
/// Fonts/LICENSE-DejaVu.txt), so a PDF looks the same on every machine and needs no system fonts.
/// </summary>
internal static class PrintFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock RegistrationLock = new();
    private static readonly DejaVuResolver Resolver = new();

    /// <summary>Tells PDFsharp where its fonts come from; safe to call from every writer, once or many times.</summary>
    public static void EnsureRegistered()
    {
        if (GlobalFontSettings.FontResolver == Resolver)
        {
            return;
        }

        lock (RegistrationLock)
        {
            if (GlobalFontSettings.FontResolver != Resolver)
            {
                GlobalFontSettings.FontResolver = Resolver;
            }
        }
    }

    public static XFont Create(double size, PrintRunStyle style, bool underline = false)
    {
        EnsureRegistered();
        var fontStyle = style switch
        {
            PrintRunStyle.Bold => XFontStyleEx.Bold,
            PrintRunStyle.Italic => XFontStyleEx.Italic,
            PrintRunStyle.BoldItalic => XFontStyleEx.BoldItalic,
            _ => XFontStyleEx.Regular,
        };
        if (underline)
        {
            fontStyle |= XFontStyleEx.Underline;
        }

        // Unicode encoding writes a ToUnicode map, so text can be copied, searched and read aloud.
        return new XFont(Family, size, fontStyle, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }

    /// <summary>Resolves DejaVu Sans (and nothing else) to the font files embedded in this assembly.</summary>
    private sealed class DejaVuResolver : IFontResolver
    {
        private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            var face = (bold, italic) switch
            {
                (true, true) => "DejaVuSans-BoldOblique",
                (true, false) => "DejaVuSans-Bold",
                (false, true) => "DejaVuSans-Oblique",
                _ => "DejaVuSans",
            };
            return new FontResolverInfo(face);
        }

        public byte[]? GetFont(string faceName) => _files.GetOrAdd(faceName, Load);

        private static byte[] Load(string faceName)
        {
            var name = $"Lantern.Printing.Fonts.{faceName}.ttf";
            using var stream = typeof(PrintFonts).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The font {name} is not embedded in the assembly.");
            using var copy = new MemoryStream((int)stream.Length);
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
