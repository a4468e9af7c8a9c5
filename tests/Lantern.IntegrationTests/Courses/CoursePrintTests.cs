using System.Globalization;
using System.Net;
using System.Text;
using Lantern.Accounts.Organisations;
using Lantern.Accounts.Users;
using Lantern.Courses.Import;
using Lantern.Courses.Print;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Tests.Courses;
using Lantern.Tests.Printing;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Courses;

/// <summary>
/// Printing course books: the print view and the PDF of the real CSE book and of the sample course (every
/// kind of block), read back with poppler; addresses that lead nowhere and courses the reader may not
/// read answer 404; a version's PDF is made once; a 200-page chapter prints whole.
/// </summary>
public abstract class CoursePrintTests(LanternApp app)
{
    private const string Cse = "/learn/cse/course-book";
    private const string Sample = "/learn/sample-course/first-steps";

    [Fact]
    public async Task The_cse_book_downloads_as_a_tagged_pdf_with_its_title_language_headings_table_and_figure()
    {
        using var visitor = app.NewClient();
        using var response = await visitor.GetAsync(new Uri(Cse + "/pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("cse-course-book.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = Poppler.Save(bytes);
        var info = pdf.Info();
        Assert.Matches(@"(?m)^Tagged:\s+yes$", info);
        Assert.Matches(@"(?m)^Title:\s+Child sexual exploitation \(CSE\)$", info);
        Assert.True(Pages(info) > 14, info);

        var structure = pdf.Structure();
        Assert.Contains("H1 (block)\n    \"1 Case study\"", structure, StringComparison.Ordinal);
        Assert.Contains("H1 (block)\n    \"14 Check what you know\"", structure, StringComparison.Ordinal);
        Assert.Contains("H2 (block)\n    \"3.1 EU Kids Online\"", structure, StringComparison.Ordinal);
        Assert.Contains("H3 (block)\n    \"Step 1: A new phone\"", structure, StringComparison.Ordinal);
        Assert.Contains("H1 (block)\n    \"References\"", structure, StringComparison.Ordinal);
        Assert.Matches(@"Table \(block\)\n\s+Caption\n\s+""Figures for the chart ‘Ages of children who were possible victims of trafficking, 2012’""\n\s+TR\n\s+TH:\n\s+/Scope /Column\n\s+""Age""\n\s+TH:\n\s+/Scope /Column\n\s+""Number of children""\n\s+TR\n\s+TH:\n\s+/Scope /Row\n\s+""Up to 9""\n\s+TD", structure);
        Assert.Contains("Figure", structure, StringComparison.Ordinal);

        var read = PdfStructure.Read(bytes);
        Assert.Equal("en-GB", read.Language);
        Assert.True(read.DisplayDocTitle);
        Assert.Contains(read.Elements, e => e.Type == "Figure" && e.Alt is { } alt
            && alt.StartsWith("Ages of children who were possible victims of trafficking, 2012: bar chart.", StringComparison.Ordinal) && alt.Contains("16 to 17: 142", StringComparison.Ordinal));
        Assert.Equal(["1 Case study", "2 What is CSE?"], read.Bookmarks.Where(b => b.Level == 1).Select(b => b.Title).Take(2));

        // The header names the site, course and book on every page, and nobody's name: one PDF serves every reader.
        var firstPage = pdf.Text("-f", "1", "-l", "1");
        Assert.Contains("Course: Child sexual exploitation (CSE)", firstPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Printed by", firstPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chapter_pdf_holds_that_chapter_and_the_works_it_cites()
    {
        using var visitor = app.NewClient();
        using var response = await visitor.GetAsync(new Uri(Cse + "/pdf/statistics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cse-course-book-3-statistics.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var pdf = Poppler.Save(await response.Content.ReadAsByteArrayAsync());
        Assert.Matches(@"(?m)^Title:\s+3 Statistics: Child sexual exploitation$", pdf.Info());
        var structure = pdf.Structure();
        Assert.Equal(["3 Statistics"], Headings(structure, "H1"));
        Assert.Contains("References", Headings(structure, "H2"));
        var text = pdf.Text();
        Assert.Contains("UK Human Trafficking Centre (2013)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4 Features", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_versions_pdf_is_made_once_and_served_from_memory_after()
    {
        var pdfs = app.Services.GetRequiredService<CoursePdfs>();
        using var visitor = app.NewClient();
        var first = await visitor.GetByteArrayAsync(new Uri(Sample + "/pdf/noticing", UriKind.Relative));
        var written = pdfs.Written;

        var second = await visitor.GetByteArrayAsync(new Uri(Sample + "/pdf/noticing", UriKind.Relative));

        Assert.Equal(written, pdfs.Written);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("/learn/no-such-course/first-steps/pdf")]
    [InlineData("/learn/sample-course/no-such-book/pdf")]
    [InlineData("/learn/sample-course/first-steps/pdf/no-such-chapter")]
    [InlineData("/learn/no-such-course/first-steps/print")]
    [InlineData("/learn/sample-course/no-such-book/print")]
    [InlineData("/learn/sample-course/first-steps/print/no-such-chapter")]
    [InlineData("/learn/sample-course/first-steps/print/%27%20OR%201%3D1--")]
    [InlineData("/learn/sample-course/first-steps/pdf/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task An_address_that_leads_to_no_book_or_chapter_is_not_found(string path)
    {
        using var visitor = app.NewClient();
        using var response = await visitor.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_private_course_is_not_printed_for_a_visitor_nor_for_another_organisation()
    {
        await ImportAsync(new SampleCourse().Replace("course.yaml", "id: sample-course", "id: staff-only-print").Replace("course.yaml", "public: true", "public: false"), organisation: null);
        var hillside = await OtherOrganisationAsync();
        await ImportAsync(new SampleCourse().Replace("course.yaml", "id: sample-course", "id: hillside-print").Replace("course.yaml", "public: true", "public: false"), hillside);
        string[] paths = ["/first-steps/print", "/first-steps/print/noticing", "/first-steps/pdf", "/first-steps/pdf/noticing"];

        using var visitor = app.NewClient();
        var learner = await app.SignedInAsAsync(Roles.Learner);
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(visitor, "/learn/staff-only-print" + path));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(learner, "/learn/staff-only-print" + path));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(learner, "/learn/hillside-print" + path));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(visitor, "/learn/hillside-print" + path));
        }
    }

    [Fact]
    public async Task Every_kind_of_block_has_its_print_form_in_the_print_view()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync(Sample + "/print");
        var body = page.QuerySelector(".lantern-print__body")!;
        var text = body.TextContent;

        // A reveal shown open with its answer; a quotation with whom it is from.
        Assert.Contains("Question: Why might a disabled child be at greater risk?", text, StringComparison.Ordinal);
        Assert.Contains("Many disabled children rely on adults for personal care", text, StringComparison.Ordinal);
        Assert.Contains("The statutory definition for England", body.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);

        // A case study as a sequence: every step, every choice with its feedback.
        Assert.Equal(["Step 1: A new phone", "Step 2: The lift home", "Step 3: What happened next"], body.QuerySelectorAll("h4").Select(h => h.TextContent).Where(t => t.StartsWith("Step ", StringComparison.Ordinal)));

        // Slides as sections, a video as its transcript, a chart as a picture with its data table.
        Assert.Contains(body.QuerySelectorAll("h4"), h => h.TextContent == "Slide 1 of 4: Targeting");
        Assert.Contains("Write down what you saw and heard.", text, StringComparison.Ordinal);
        var chart = body.QuerySelector("svg[role=img]")!;
        Assert.StartsWith("Ages of children referred as possible victims of trafficking, 2012: bar chart.", chart.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        var table = body.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("Figures for the chart", StringComparison.Ordinal));
        Assert.Equal(["Age", "Number of children"], table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));
        Assert.Equal("16 to 17", table.QuerySelectorAll("tbody th[scope=row]")[2].TextContent);

        // A picture with its alternative text, from the course's media.
        var image = body.QuerySelector("img")!;
        Assert.Equal("Three steps in a row: 1 Notice, 2 Record, 3 Tell", image.GetAttribute("alt"));
        Assert.StartsWith("/learn/sample-course/media/", image.GetAttribute("src"), StringComparison.Ordinal);

        // A knowledge check with its options, none marked, no feedback.
        Assert.Contains("Promise to keep it a secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Never promise this", text, StringComparison.Ordinal);
        Assert.DoesNotContain("right answer", text, StringComparison.OrdinalIgnoreCase);

        // A link into Lantern as a visitor is shown it, the resources, and the reference list at the end.
        Assert.Contains("How to raise a concern about a child", text, StringComparison.Ordinal);
        Assert.Contains(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == "tel:08088005000");
        Assert.Equal("References", body.QuerySelectorAll("h2")[^1].TextContent);
        Assert.Contains("Jones", body.QuerySelectorAll("ul")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_course_pdf_carries_its_picture_with_the_alternative_text_and_a_staff_reader_gets_the_link_into_lantern()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);
        var bytes = await learner.GetByteArrayAsync(new Uri(Sample + "/pdf", UriKind.Relative));

        var read = PdfStructure.Read(bytes);
        Assert.Contains(read.Elements, e => e.Type == "Figure" && e.Alt == "Three steps in a row: 1 Notice, 2 Record, 3 Tell");
        using var pdf = Poppler.Save(bytes);
        var text = pdf.Text();
        Assert.Contains("In Lantern: Record a concern", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Picture not shown", text, StringComparison.Ordinal);

        using var visitor = app.NewClient();
        using var visitorPdf = Poppler.Save(await visitor.GetByteArrayAsync(new Uri(Sample + "/pdf", UriKind.Relative)));
        Assert.Contains("How to raise a concern about a child", visitorPdf.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_two_hundred_page_chapter_prints_whole_as_a_correct_pdf()
    {
        var chapter = new StringBuilder("# A very long chapter\n\n");
        const int paragraphs = 7200;
        for (var i = 1; i <= paragraphs; i++)
        {
            if (i % 400 == 1)
            {
                chapter.Append(CultureInfo.InvariantCulture, $"## Part {(i / 400) + 1} {{#part-{(i / 400) + 1}}}\n\n");
            }

            chapter.Append(CultureInfo.InvariantCulture, $"Paragraph {i}: a worker notices, records and tells the safeguarding lead.\n\n");
        }

        await ImportAsync(new SampleCourse().Replace("course.yaml", "id: sample-course", "id: long-print").With("01-noticing.md", chapter.ToString()), organisation: null);
        var learner = await app.SignedInAsAsync(Roles.Learner);

        using var response = await learner.GetAsync(new Uri("/learn/long-print/first-steps/pdf/noticing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = Poppler.Save(await response.Content.ReadAsByteArrayAsync());
        var info = pdf.Info();
        Assert.Matches(@"(?m)^Tagged:\s+yes$", info);
        var pages = Pages(info);
        Assert.True(pages >= 200, $"{pages} pages");
        Assert.Contains($"Page {pages} of {pages}", pdf.Text("-f", pages.ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal);
        var text = pdf.Text();
        Assert.Contains("Paragraph 1: a worker", text, StringComparison.Ordinal);
        Assert.Contains($"Paragraph {paragraphs}: a worker", text, StringComparison.Ordinal);
        Assert.Equal(paragraphs, System.Text.RegularExpressions.Regex.Count(text, @"Paragraph \d+: a worker"));
    }

    [Fact]
    public async Task Reading_pages_link_to_the_print_view_and_the_pdf()
    {
        using var visitor = app.NewClient();
        var chapter = await visitor.GetPageAsync(Cse + "/statistics");
        var links = chapter.QuerySelectorAll(".lantern-print-links a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));

        Assert.Equal(Cse + "/print/statistics", links["Print this chapter"]);
        Assert.Equal(Cse + "/print", links["Print the book"]);
        Assert.Equal(Cse + "/pdf/statistics", links["Download this chapter as a PDF"]);
        Assert.Equal(Cse + "/pdf", links["Download the book as a PDF"]);
        var book = await visitor.GetPageAsync(Cse);
        Assert.Equal([Cse + "/print", Cse + "/pdf"], book.QuerySelectorAll(".lantern-print-links a").Select(a => a.GetAttribute("href")));
    }

    private static int Pages(string info) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"(?m)^Pages:\s+(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);

    private static List<string> Headings(string structure, string tag) =>
        System.Text.RegularExpressions.Regex.Matches(structure, tag + @" \(block\)\n\s+""([^""]*)""").Select(m => m.Groups[1].Value).ToList();

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private async Task ImportAsync(SampleCourse course, Guid? organisation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CourseImporter>().ImportAsync(course.Source(), organisation, null, onlyIfChanged: false, CancellationToken.None);
        Assert.True(outcome.Imported, string.Join(Environment.NewLine, outcome.Problems));
    }

    private async Task<Guid> OtherOrganisationAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var other = new Organisation { Name = "Hillside Youth Club " + Guid.NewGuid().ToString("N")[..6], CreatedAt = TimeProvider.System.GetUtcNow() };
        db.Organisations.Add(other);
        await db.SaveChangesAsync();
        return other.Id;
    }

    public sealed class OnSqlite(SqliteApp app) : CoursePrintTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CoursePrintTests(app), IClassFixture<PostgresApp>;
}
