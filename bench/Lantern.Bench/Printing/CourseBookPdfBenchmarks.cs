using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Lantern.Courses.Import;
using Lantern.Courses.Model;
using Lantern.Courses.Print;
using Lantern.Printing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Lantern.Bench.Printing;

/// <summary>
/// Time and memory to make the PDF of the longest shipped book, the CSE course book, from its course
/// model (mapping, both layout passes, tagging, saving), beside two baselines measured in the same run:
/// the same print blocks written as the print view's HTML, and the same words set by PDFsharp as a
/// plain untagged PDF (greedy line breaking, one font, no structure). "Twice" is the book's chapters
/// printed twice over, to see a book past 50 pages made of real course content.
/// </summary>
[MemoryDiagnoser]
public class CourseBookPdfBenchmarks
{
    private CourseContent _course = null!;
    private BookContent _book = null!;
    private PrintReader _reader = null!;
    private List<string> _words = null!;

    [Params("CSE book", "CSE book twice")]
    public string Book { get; set; } = "CSE book";

    [GlobalSetup]
    public void Setup()
    {
        var source = CourseSource.FromFolder(Path.Combine(RepositoryRoot(), "content", "courses", "cse"));
        _course = CourseReader.Read(source, Guid.CreateVersion7()).Course ?? throw new InvalidOperationException("The CSE course did not read.");
        _book = _course.Books[0];
        if (Book == "CSE book twice")
        {
            _book = _book with { Chapters = [.. _book.Chapters, .. _book.Chapters] };
        }

        _reader = PrintReader.ForPage(new ClaimsPrincipal(new ClaimsIdentity()));
        var document = CoursePrint.Book(_course, _book, _reader);
        _words = [.. Texts(document.Blocks)];
        using var output = new MemoryStream();
        PrintPdf.Write(document, output);
        var pages = PrintPdfBenchmarks.PageCount(document);
        Console.WriteLine($"// {Book}: {pages} pages, {output.Length / 1024} KiB tagged PDF, {_words.Sum(w => w.Length)} characters of text.");
    }

    [Benchmark(Description = "Tagged PDF from the course model")]
    public long TaggedPdf()
    {
        using var output = new MemoryStream();
        PrintPdf.Write(CoursePrint.Book(_course, _book, _reader), output);
        return output.Length;
    }

    [Benchmark(Description = "Print view HTML from the course model")]
    public int PrintViewHtml() => PrintHtml.Blocks(CoursePrint.Book(_course, _book, _reader).Blocks, headingShift: 1).Length;

    [Benchmark(Baseline = true, Description = "Plain untagged PDF of the same words")]
    public long PlainPdf()
    {
        const double left = 56.7, right = 595.28 - 56.7, top = 70, bottom = 841.89 - 58, lineHeight = 14.91;
        using var pdf = new PdfDocument();
        pdf.Options.CompressContentStreams = true;
        var font = new XFont("DejaVu Sans", 10.5);
        var widths = new Dictionary<string, double>(StringComparer.Ordinal);
        XGraphics? gfx = null;
        var y = bottom;
        try
        {
            foreach (var text in _words)
            {
                var line = new List<string>();
                double width = 0;
                foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (gfx is null || y + lineHeight > bottom)
                    {
                        gfx?.Dispose();
                        gfx = XGraphics.FromPdfPage(pdf.AddPage());
                        y = top;
                    }

                    if (!widths.TryGetValue(word, out var w))
                    {
                        w = gfx.MeasureString(word + " ", font).Width;
                        widths[word] = w;
                    }

                    if (width + w > right - left && line.Count > 0)
                    {
                        gfx.DrawString(string.Join(' ', line), font, XBrushes.Black, left, y + 11);
                        y += lineHeight;
                        line.Clear();
                        width = 0;
                        if (y + lineHeight > bottom)
                        {
                            gfx.Dispose();
                            gfx = XGraphics.FromPdfPage(pdf.AddPage());
                            y = top;
                        }
                    }

                    line.Add(word);
                    width += w;
                }

                if (line.Count > 0 && gfx is not null)
                {
                    gfx.DrawString(string.Join(' ', line), font, XBrushes.Black, left, y + 11);
                    y += lineHeight + 7;
                }
            }
        }
        finally
        {
            gfx?.Dispose();
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.Length;
    }

    private static IEnumerable<string> Texts(IEnumerable<PrintBlock> blocks)
    {
        static string Runs(IEnumerable<PrintRun> runs) => string.Concat(runs.Select(r => r.Text)).Replace('\n', ' ');
        foreach (var block in blocks)
        {
            switch (block)
            {
                case PrintHeading h:
                    yield return h.Text;
                    break;
                case PrintParagraph p:
                    yield return Runs(p.Runs);
                    break;
                case PrintQuotation q:
                    yield return Runs(q.Runs);
                    break;
                case PrintNote n:
                    yield return n.Title ?? string.Empty;
                    foreach (var p in n.Paragraphs)
                    {
                        yield return Runs(p.Runs);
                    }

                    break;
                case PrintList l:
                    foreach (var item in l.Items)
                    {
                        yield return Runs(item.Runs);
                    }

                    break;
                case PrintTable t:
                    yield return t.Caption;
                    yield return string.Join(' ', t.HeaderCells);
                    foreach (var row in t.Rows)
                    {
                        yield return string.Join(' ', row.Select(c => Runs(c.Runs)));
                    }

                    break;
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "content", "courses", "cse")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
