using BenchmarkDotNet.Attributes;
using Lantern.Printing;
using Lantern.Tests.Printing;

namespace Lantern.Bench.Printing;

/// <summary>Time and memory to write a 50-page book of mixed blocks as a tagged PDF (goal: under 1 second).</summary>
[MemoryDiagnoser]
public class PrintPdfBenchmarks
{
    private PrintDocument _book = null!;

    [GlobalSetup]
    public void Setup()
    {
        _book = SampleDocuments.Book(chapters: 7, paragraphsPerChapter: 32, mixed: true);
        Pages = PageCount(_book);
        Console.WriteLine($"// The benchmarked book has {Pages} pages.");
    }

    public int Pages { get; private set; }

    [Benchmark(Description = "Tagged PDF of a 50-page book")]
    public long WriteFiftyPageBook()
    {
        using var output = new MemoryStream();
        PrintPdf.Write(_book, output);
        return output.Length;
    }

    public static int PageCount(PrintDocument document)
    {
        using var output = new MemoryStream();
        PrintPdf.Write(document, output);
        var text = System.Text.Encoding.Latin1.GetString(output.ToArray());
        return System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page[^s]");
    }
}
