using System.Text.RegularExpressions;
using Lantern.Printing;

namespace Lantern.Tests.Printing;

/// <summary>A certificate is one tagged landscape page that says who completed what, when, and how to check it.</summary>
public sealed class CertificatePdfTests
{
    private static readonly Uri VerifyUrl = new("https://lantern.example/verify/7KQ2M9XD4TRA8WHE");

    private static byte[] Certificate(string name = "Sam Jones", string course = "Child sexual exploitation (CSE)", DateOnly? validUntil = null)
    {
        using var output = new MemoryStream();
        CertificatePdf.Write(output, name, course, new DateOnly(2026, 11, 29), validUntil ?? new DateOnly(2027, 11, 29), "7KQ2-M9XD-4TRA-8WHE", VerifyUrl, "Riverside Short Breaks");
        return output.ToArray();
    }

    [Fact]
    public void A_certificate_is_one_tagged_A4_landscape_page()
    {
        using var pdf = Poppler.Save(Certificate());
        var info = pdf.Info();

        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Matches(@"Pages:\s+1\n", info);
        Assert.Matches(@"Page size:\s+841.89 x 595.28 pts \(A4\)", info);
        Assert.Matches(@"Title:\s+Certificate: Child sexual exploitation \(CSE\), Sam Jones", info);
        Assert.Equal("en-GB", PdfStructure.Read(Certificate()).Language);
    }

    [Fact]
    public void It_names_the_person_the_course_the_dates_and_the_code()
    {
        using var pdf = Poppler.Save(Certificate());
        var text = Regex.Replace(pdf.Text(), @"\s+", " ");

        Assert.Contains("Certificate of completion", text);
        Assert.Contains("Sam Jones", text);
        Assert.Contains("Child sexual exploitation (CSE)", text);
        Assert.Contains("Completed on 29 November 2026. Valid until 29 November 2027.", text);
        Assert.Contains("Verification code: 7KQ2-M9XD-4TRA-8WHE", text);
        Assert.Contains("Riverside Short Breaks", text);
    }

    [Fact]
    public void Its_structure_has_a_heading_the_text_and_a_QR_figure_named_by_the_address()
    {
        var bytes = Certificate();
        using var pdf = Poppler.Save(bytes);
        var structure = pdf.Structure();
        var reader = PdfStructure.Read(bytes);

        Assert.Matches(@"H1 \(block\)\n\s+""Certificate of completion""", structure);
        Assert.Matches(@"P \(block\)\n\s+""Sam Jones""", structure);
        var figure = Assert.Single(reader.Elements, e => e.Type == "Figure");
        Assert.Equal("QR code that opens the verification page https://lantern.example/verify/7KQ2M9XD4TRA8WHE", figure.Alt);
        Assert.Equal([VerifyUrl.AbsoluteUri], reader.Links);
    }

    [Fact]
    public void A_long_name_and_course_title_wrap_and_stay_on_the_page()
    {
        var name = string.Join(' ', Enumerable.Repeat("Bartholomew-Featherstonehaugh", 4));
        var course = string.Join(' ', Enumerable.Repeat("Safeguarding disabled children from exploitation", 4));
        using var pdf = Poppler.Save(Certificate(name, course));

        var text = Regex.Replace(pdf.Text(), @"\s+", " ");
        Assert.Contains(name, text);
        Assert.Contains(course, text);
        Assert.Matches(@"Pages:\s+1\n", pdf.Info());
        var words = Regex.Matches(pdf.Text("-bbox"), @"xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)""");
        Assert.All(words, w =>
        {
            Assert.True(double.Parse(w.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 36);
            Assert.True(double.Parse(w.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) <= 841.89 - 36);
            Assert.True(double.Parse(w.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) <= 595.28 - 36);
        });
    }

    [Fact]
    public void A_certificate_without_an_end_date_says_when_it_was_completed()
    {
        using var output = new MemoryStream();
        CertificatePdf.Write(output, "Sam Jones", "Induction", new DateOnly(2026, 1, 5), null, "CODE", VerifyUrl, "Riverside Short Breaks");
        using var pdf = Poppler.Save(output.ToArray());

        var text = pdf.Text();
        Assert.Contains("Completed on 5 January 2026.", text);
        Assert.DoesNotContain("Valid until", text);
    }
}
