using BenchmarkDotNet.Running;
using Lantern.Bench.Printing;
using Lantern.Printing;
using Lantern.Tests.Printing;

// `dotnet run -c Release --project bench/Lantern.Bench -- write DIR` writes the sample PDFs to look at;
// anything else goes to BenchmarkDotNet (e.g. `--filter '*PrintPdf*' --job short`).
if (args is ["write", var folder])
{
    Directory.CreateDirectory(folder);
    Write(Path.Combine(folder, "every-block.pdf"), SampleDocuments.EveryBlock());
    Write(Path.Combine(folder, "fifty-pages.pdf"), SampleDocuments.Book(chapters: 7, paragraphsPerChapter: 32, mixed: true));
    Write(Path.Combine(folder, "two-hundred-pages.pdf"), SampleDocuments.Book(chapters: 40, paragraphsPerChapter: 40, mixed: false));
    using var certificate = File.Create(Path.Combine(folder, "certificate.pdf"));
    CertificatePdf.Write(certificate, "Sam Jones", "Child sexual exploitation (CSE)", new DateOnly(2026, 11, 29), new DateOnly(2027, 11, 29),
        "7KQ2-M9XD-4TRA-8WHE", new Uri("https://lantern.example/verify/7KQ2M9XD4TRA8WHE"), "Riverside Short Breaks");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PrintPdfBenchmarks).Assembly).Run(args);
return 0;

static void Write(string path, PrintDocument document)
{
    using var file = File.Create(path);
    PrintPdf.Write(document, file);
    Console.WriteLine(path);
}
