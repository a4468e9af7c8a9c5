using System.Security.Claims;
using Lantern.Courses.Print;
using Lantern.Printing;
using Lantern.Tests.Printing;

namespace Lantern.Tests.Courses;

/// <summary>
/// The print form of a course: course HTML read into print blocks (emphasis, links, citations, lists,
/// tables, pictures), every kind of block of the sample course mapped, and the same blocks written as
/// the print view's HTML and as a tagged PDF.
/// </summary>
public sealed class CoursePrintTests
{
    private static readonly PrintReader Visitor = PrintReader.ForPage(new ClaimsPrincipal(new ClaimsIdentity()));

    [Fact]
    public void Html_paragraphs_keep_their_emphasis_and_links_with_white_space_as_a_browser_shows_it()
    {
        var reader = new HtmlPrintReader(Visitor.Image);

        var blocks = reader.Read("<p class=\"govuk-body\">A  <strong>bold <em>and italic</em></strong>\n word, a <a href=\"https://example.org/x\">link</a> and (<a href=\"/learn/c/b/references#ref-jones-2012\">Jones, 2012</a>).<br>Next line.</p>");

        var paragraph = Assert.IsType<PrintParagraph>(Assert.Single(blocks));
        Assert.Equal("A bold and italic word, a link and (Jones, 2012).\nNext line.", string.Concat(paragraph.Runs.Select(r => r.Text)));
        Assert.Equal(PrintRunStyle.BoldItalic, paragraph.Runs.Single(r => r.Text == "and italic").Style);
        Assert.Equal(new Uri("https://example.org/x"), paragraph.Runs.Single(r => r.Text == "link").Link);
        Assert.Equal(["jones-2012"], reader.Cited);
    }

    [Fact]
    public void Html_lists_tables_headings_and_pictures_become_their_print_blocks()
    {
        var blocks = new HtmlPrintReader(Visitor.Image).Read(
            """
            <h3 class="govuk-heading-m">Who to tell</h3>
            <ol><li>First<ul><li>nested</li><li>deeper<ul><li>deepest</li></ul></li></ul></li><li><p>Second</p></li></ol>
            <div class="lantern-table-wrapper"><table><thead><tr><th>Sex</th><th>Number</th></tr></thead><tbody><tr><td>Female</td><td>310</td></tr></tbody></table></div>
            <p><img src="/learn/c/media/v/a.png" alt="Three steps"></p>
            <blockquote><p>Said once.</p></blockquote>
            <hr>
            """);

        Assert.Collection(
            blocks,
            b => Assert.Equal("Who to tell", Assert.IsType<PrintHeading>(b).Text),
            b =>
            {
                var list = Assert.IsType<PrintList>(b);
                Assert.True(list.Numbered);
                Assert.Equal("First", list.Items[0].Runs.Single().Text);
                Assert.Equal(["nested", "deeper\n– deepest"], list.Items[0].Nested!.Items.Select(i => string.Concat(i.Runs.Select(r => r.Text))));
                Assert.Equal("Second", string.Concat(list.Items[1].Runs.Select(r => r.Text)));
            },
            b =>
            {
                var table = Assert.IsType<PrintTable>(b);
                Assert.Equal(["Sex", "Number"], table.HeaderCells);
                Assert.Equal("Table: Sex, Number", table.Caption);
                Assert.Equal("310", table.Rows.Single()[1].Runs.Single().Text);
            },
            b =>
            {
                var figure = Assert.IsType<PrintFigure>(b);
                Assert.Equal("Three steps", figure.AltText);
                Assert.Equal("/learn/c/media/v/a.png", Assert.IsType<PrintImage>(figure.Graphic).Address);
            },
            b => Assert.Equal("Said once.", Assert.IsType<PrintQuotation>(b).Runs.Single().Text),
            b => Assert.IsType<PrintRule>(b));
    }

    [Fact]
    public void Every_kind_of_block_of_the_sample_course_has_a_print_form_and_no_answer_is_marked()
    {
        var course = new SampleCourse().Read().Course!;
        var book = course.Books.Single();

        var document = CoursePrint.Book(course, book, Visitor);

        var headings = document.Blocks.OfType<PrintHeading>().ToList();
        Assert.Equal(["1 Noticing a worry", "2 A case study", "3 What the figures say", "4 Telling someone", "5 Acting on a worry", "6 Check what you know", "References"], headings.Where(h => h.Level == 1).Select(h => h.Text));
        Assert.Equal(book.Chapters.Count, document.Blocks.OfType<PrintPageBreak>().Count());
        Assert.Contains(document.Blocks.OfType<PrintNote>(), n => n.Title == "Question: Why might a disabled child be at greater risk?");
        Assert.Contains(headings, h => h.Text == "Case study: Sam's evening at the club");
        Assert.Contains(headings, h => h.Text == "Slide 4 of 4: Abuse");
        Assert.Contains(headings, h => h.Text == "Transcript: Worried about a child?");
        Assert.Contains(document.Blocks.OfType<PrintFigure>(), f => f.Graphic is PrintDrawing && f.AltText.Contains("16 to 17: 142", StringComparison.Ordinal));
        Assert.Contains(document.Blocks.OfType<PrintTable>(), t => t.FirstColumnIsRowHeader && t.HeaderCells.SequenceEqual(["Age", "Number of children"]));
        Assert.Contains(document.Blocks.OfType<PrintQuotation>(), q => q.Attribution!.StartsWith("The statutory definition for England", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.Text == "How to raise a concern about a child");

        // The end-of-book check: every option of every question, no feedback, nothing marked right.
        var checkChapter = book.Chapter("check-what-you-know")!;
        var text = string.Join('\n', Texts(CoursePrint.Chapter(course, book, checkChapter, Visitor).Blocks));
        foreach (var question in checkChapter.Questions)
        {
            Assert.Contains("Question: " + question.Question, text, StringComparison.Ordinal);
            Assert.All(question.Options, o => Assert.Contains(o.Text, text, StringComparison.Ordinal));
            Assert.All(question.Options.Where(o => o.FeedbackHtml is not null), o => Assert.DoesNotContain(HtmlPrintReader.Text(o.FeedbackHtml), text, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("right", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_signed_in_reader_gets_the_link_into_lantern_and_a_chapter_ends_with_the_works_it_cites()
    {
        var course = new SampleCourse().Read().Course!;
        var book = course.Books.Single();
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Sam")], "test"));
        var staff = PrintReader.ForPage(signedIn);

        var acting = CoursePrint.Chapter(course, book, book.Chapter("acting-on-a-worry")!, staff);
        var noticing = CoursePrint.Chapter(course, book, book.Chapter("noticing")!, Visitor);

        Assert.Contains(acting.Blocks.OfType<PrintHeading>(), h => h.Text == "Record a concern");
        Assert.Equal("References", noticing.Blocks.OfType<PrintHeading>().Last().Text);
        Assert.Equal(2, noticing.Blocks.OfType<PrintHeading>().Last().Level);
        Assert.Contains("Jones", string.Join('\n', Texts([noticing.Blocks[^1]])), StringComparison.Ordinal);
        Assert.NotEqual(PrintReader.AudienceKey(signedIn), PrintReader.AudienceKey(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public void The_sample_course_prints_as_a_tagged_pdf_and_as_html_from_the_same_blocks()
    {
        var course = new SampleCourse().Read().Course!;
        var document = CoursePrint.Book(course, course.Books.Single(), Visitor);
        using var output = new MemoryStream();

        PrintPdf.Write(document, output);
        var html = PrintHtml.Blocks(document.Blocks, headingShift: 1);

        using var pdf = Poppler.Save(output.ToArray());
        Assert.Matches(@"(?m)^Tagged:\s+yes$", pdf.Info());
        Assert.Contains("<h2 class=\"govuk-heading-l lantern-print__h1\">1 Noticing a worry</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">16 to 17</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Print_html_encodes_text_and_drops_links_that_are_not_web_mail_phone_or_this_sites()
    {
        var html = PrintHtml.Blocks(
        [
            new PrintParagraph([new PrintRun("<script>alert(1)</script>"), PrintRun.LinkTo("bad", new Uri("javascript:alert(1)")), PrintRun.LinkTo("other site", new Uri("//evil.example/x", UriKind.Relative))]),
            new PrintFigure(SampleDocuments.BarChart(), "A \"chart\" <b>"),
        ]);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"print-figure-1-title\">A &quot;chart&quot; &lt;b&gt;</title>", html, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Texts(IEnumerable<PrintBlock> blocks) =>
        blocks.Select(b => b switch
        {
            PrintParagraph p => string.Concat(p.Runs.Select(r => r.Text)),
            PrintList l => string.Join('\n', l.Items.Select(i => string.Concat(i.Runs.Select(r => r.Text)))),
            PrintNote n => n.Title + "\n" + string.Join('\n', n.Paragraphs.Select(p => string.Concat(p.Runs.Select(r => r.Text)))),
            PrintHeading h => h.Text,
            _ => string.Empty,
        });
}
