using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Lantern.Tests.Printing;

/// <summary>
/// Reads what poppler's -struct-text does not print: the structure elements' alternative text, the
/// document's language, the viewer preference to show the title, the bookmarks and link addresses.
/// </summary>
public sealed class PdfStructure
{
    private PdfStructure(PdfDocument document)
    {
        var catalog = document.Internals.Catalog;
        Language = catalog.Elements.GetString("/Lang");
        DisplayDocTitle = catalog.Elements.GetDictionary("/ViewerPreferences")?.Elements.GetBoolean("/DisplayDocTitle") ?? false;
        Marked = catalog.Elements.GetDictionary("/MarkInfo")?.Elements.GetBoolean("/Marked") ?? false;
        var root = catalog.Elements.GetDictionary("/StructTreeRoot");
        if (root is not null)
        {
            Walk(root, 0);
        }

        Bookmarks = [.. Outline(document.Outlines, 0)];
        Links = [.. document.Pages.Cast<PdfPage>()
            .SelectMany(p => p.Annotations.Cast<PdfDictionary>())
            .Select(a => a.Elements.GetDictionary("/A")?.Elements.GetString("/URI"))
            .OfType<string>()];
    }

    public string Language { get; }

    public bool DisplayDocTitle { get; }

    public bool Marked { get; }

    /// <summary>Every structure element in reading order: its type, depth and alternative text.</summary>
    public List<(string Type, int Depth, string? Alt)> Elements { get; } = [];

    public List<(int Level, string Title)> Bookmarks { get; }

    public List<string> Links { get; }

    public static PdfStructure Read(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        return new PdfStructure(document);
    }

    private void Walk(PdfDictionary element, int depth)
    {
        var type = element.Elements.GetName("/S");
        if (type.Length > 0)
        {
            Elements.Add((type.TrimStart('/'), depth, element.Elements.ContainsKey("/Alt") ? element.Elements.GetString("/Alt") : null));
        }

        foreach (var kid in Kids(element.Elements["/K"]))
        {
            Walk(kid, depth + 1);
        }
    }

    private static IEnumerable<PdfDictionary> Kids(PdfItem? item)
    {
        switch (item)
        {
            case PdfReference reference when reference.Value is PdfDictionary dictionary:
                yield return dictionary;
                break;
            case PdfDictionary dictionary:
                yield return dictionary;
                break;
            case PdfArray array:
                foreach (var kid in array.Elements.SelectMany(Kids))
                {
                    yield return kid;
                }

                break;
        }
    }

    private static IEnumerable<(int, string)> Outline(PdfOutlineCollection outlines, int level)
    {
        foreach (var outline in outlines)
        {
            yield return (level + 1, outline.Title);
            foreach (var child in Outline(outline.Outlines, level + 1))
            {
                yield return child;
            }
        }
    }
}
