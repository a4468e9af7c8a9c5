using System.Globalization;
using System.Text.RegularExpressions;
using Lantern.Printing;

namespace Lantern.Tests.Printing;

/// <summary>
/// The tagged PDF as poppler (pdfinfo, pdftotext) and a PDF reader see it: tagged, A4, titled, its
/// structure in reading order, nothing cut off or outside the margins, and long documents whole.
/// </summary>
public sealed partial class PrintPdfTests
{
    private const double Margin = 56.7;

    private static byte[] Write(PrintDocument document)
    {
        using var output = new MemoryStream();
        PrintPdf.Write(document, output);
        return output.ToArray();
    }

    private static string Field(string info, string name) =>
        info.Split('\n').Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    /// <summary>Each structure element of -struct-text with the text printed on the line after it.</summary>
    private static List<(string Type, string Text)> Elements(string structText)
    {
        var lines = structText.Split('\n');
        var result = new List<(string, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ElementLine().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            // TH prints its attributes first; the text is the first quoted line below the element.
            var text = lines.Skip(i + 1).Take(3).FirstOrDefault(l => l.TrimStart().StartsWith('"'))?.Trim().Trim('"') ?? string.Empty;
            result.Add((match.Groups[1].Value, text));
        }

        return result;
    }

    [GeneratedRegex(@"^\s*([A-Za-z0-9]+)(?: \((?:block|inline)\))?:?$")]
    private static partial Regex ElementLine();

    [Fact]
    public void Every_block_prints_as_a_tagged_A4_pdf_with_its_title()
    {
        using var pdf = Poppler.Save(Write(SampleDocuments.EveryBlock()));
        var info = pdf.Info();

        Assert.Equal("yes", Field(info, "Tagged"));
        Assert.Equal("Recognising and responding", Field(info, "Title"));
        Assert.Equal("Riverside Safeguarding Learning", Field(info, "Author"));
        Assert.Equal("595.28 x 841.89 pts (A4)", Field(info, "Page size"));
        Assert.Equal("3", Field(info, "Pages"));
    }

    [Fact]
    public void The_title_shows_in_the_window_and_the_language_is_set()
    {
        var structure = PdfStructure.Read(Write(SampleDocuments.EveryBlock()));

        Assert.True(structure.DisplayDocTitle);
        Assert.True(structure.Marked);
        Assert.Equal("en-GB", structure.Language);
    }

    [Fact]
    public void Headings_are_H1_to_H3_in_reading_order_with_their_text()
    {
        using var pdf = Poppler.Save(Write(SampleDocuments.EveryBlock()));

        var headings = Elements(pdf.Structure()).Where(e => e.Type is "H1" or "H2" or "H3").ToList();

        Assert.Equal(
        [
            ("H1", "Chapter 1: What exploitation looks like"),
            ("H2", "Warning signs"),
            ("H3", "Indicators by domain"),
            ("H1", "Chapter 2: Responding"),
        ], headings);
    }

    [Fact]
    public void Paragraphs_lists_quotations_and_notes_are_tagged_in_reading_order()
    {
        using var pdf = Poppler.Save(Write(SampleDocuments.EveryBlock()));

        var types = Elements(pdf.Structure()).Select(e => e.Type).ToList();

        Assert.Equal(["Document", "H1", "P", "P", "Link", "H2", "L", "LI", "Lbl", "LBody"], types.Take(10));
        var list = Elements(pdf.Structure()).SkipWhile(e => e.Type != "L").Take(16).ToList();
        Assert.Contains(("LBody", "Unexplained gifts, money or a new phone"), list);
        Assert.Contains(("Lbl", "1."), list);
        Assert.Contains(("LBody", "Write down the answer in the child's words"), list);
        Assert.Equal(2, types.Count(t => t == "L"));
        Assert.Contains("BlockQuote", types);
        var structure = Elements(pdf.Structure());
        Assert.Contains(("P", "I didn't think anyone would believe me, so I didn't tell anyone."), structure);
        Assert.Contains(("P", "— A young person, quoted in the guidance"), structure);
        Assert.Contains(("P", "If a child is in immediate danger, call 999 first. Then tell the DSL."), structure);
    }

    [Fact]
    public void A_table_has_its_caption_header_cells_with_scope_and_data_cells()
    {
        using var pdf = Poppler.Save(Write(SampleDocuments.EveryBlock()));
        var text = pdf.Structure();

        var table = Elements(text).SkipWhile(e => e.Type != "Table").ToList();
        Assert.Equal(("Caption", "Table 1: Indicators and what to do"), table[1]);
        Assert.Equal([("TR", ""), ("TH", "Domain"), ("TH", "Indicator"), ("TH", "What to do")], table.Skip(2).Take(4).Select(e => e.Type == "TR" ? ("TR", "") : e));
        Assert.Equal(("TH", "Missing"), table[7]);
        Assert.Equal(("TD", "Goes missing regularly, returns late"), table[8]);
        Assert.Equal(("TD", "Record each episode and tell the DSL the same day"), table[9]);
        Assert.Equal(3, Regex.Count(text, @"/Scope /Column"));
        Assert.Equal(3, Regex.Count(text, @"/Scope /Row"));
    }

    [Fact]
    public void Figures_carry_their_alternative_text_and_a_decorative_one_is_left_out()
    {
        var document = SampleDocuments.EveryBlock();
        var structure = PdfStructure.Read(Write(document));

        var figures = structure.Elements.Where(e => e.Type == "Figure").Select(e => e.Alt).ToList();

        Assert.Equal(
        [
            "A drawing of the sun rising over a green field",
            "Bar chart of concerns by month: January 4, February 7, March 5",
        ], figures);
        Assert.Equal(3, document.Blocks.OfType<PrintFigure>().Count());
    }

    [Fact]
    public void Figures_are_in_the_structure_with_their_captions()
    {
        using var pdf = Poppler.Save(Write(SampleDocuments.EveryBlock()));

        var elements = Elements(pdf.Structure());
        var figure = elements.FindIndex(e => e.Type == "Figure");

        Assert.Equal("Div", elements[figure - 1].Type);
        Assert.Equal(("Caption", "Figure 1: a new day"), elements[figure + 1]);
    }

    [Fact]
    public void Chapters_and_sections_are_bookmarks()
    {
        var structure = PdfStructure.Read(Write(SampleDocuments.EveryBlock()));

        Assert.Equal(
        [
            (1, "Chapter 1: What exploitation looks like"),
            (2, "Warning signs"),
            (1, "Chapter 2: Responding"),
        ], structure.Bookmarks);
    }

    [Fact]
    public void A_link_is_tagged_with_its_text_and_goes_to_its_address()
    {
        var bytes = Write(SampleDocuments.EveryBlock());
        using var pdf = Poppler.Save(bytes);

        Assert.Contains(("Link", "statutory guidance"), Elements(pdf.Structure()).Select(e => e.Type == "Link" ? (e.Type, pdf.Structure().Split("Link (inline)")[1].Split('"')[1]) : e));
        Assert.Equal(["https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"], PdfStructure.Read(bytes).Links);
        Assert.Contains("Read the statutory guidance and note the words always and never.", pdf.Text());
    }

    [Fact]
    public void The_header_and_footer_are_on_every_page_but_not_in_the_structure()
    {
        using var pdf = Poppler.Save(Write(SampleDocuments.EveryBlock()));

        var text = pdf.Text();
        var structure = pdf.Structure();

        Assert.Equal(3, Regex.Count(text, "Printed by: Sam Jones"));
        Assert.Contains("Page 1 of 3", text);
        Assert.Contains("Page 3 of 3", text);
        Assert.DoesNotContain("Printed by", structure);
        Assert.DoesNotContain("Page 1 of 3", structure);
        Assert.DoesNotContain("Riverside Safeguarding Learning", structure);
    }

    [Fact]
    public void A_long_paragraph_reads_whole_in_the_extracted_text()
    {
        using var pdf = Poppler.Save(Write(SampleDocuments.EveryBlock()));

        var text = Regex.Replace(pdf.Text(), @"\s+", " ");

        Assert.Contains(SampleDocuments.LongParagraph, text);
    }

    [Fact]
    public void A_paragraph_longer_than_a_page_flows_onto_the_next_pages_whole()
    {
        var words = string.Join(' ', Enumerable.Range(1, 1500).Select(i => string.Create(CultureInfo.InvariantCulture, $"word{i}")));
        using var pdf = Poppler.Save(Write(new PrintDocument("One long paragraph", "en-GB", [new PrintParagraph(words)])));

        Assert.True(int.Parse(Field(pdf.Info(), "Pages"), CultureInfo.InvariantCulture) >= 3);
        var extracted = Regex.Matches(pdf.Text(), @"word\d+").Select(m => m.Value).ToList();
        Assert.Equal(words.Split(' '), extracted);
        var paragraph = Elements(pdf.Structure()).Where(e => e.Type == "P").ToList();
        Assert.Single(paragraph);
    }

    [Fact]
    public void A_table_split_across_pages_repeats_its_header_row_but_tags_it_once()
    {
        var rows = Enumerable.Range(1, 80).Select(i => (IReadOnlyList<PrintTableCell>)[$"Row {i}", "Current", "Some notes"]).ToList();
        using var pdf = Poppler.Save(Write(new PrintDocument("A long table", "en-GB", [new PrintTable("Every row", ["Name", "Grade", "Notes"], rows)])));

        var pages = int.Parse(Field(pdf.Info(), "Pages"), CultureInfo.InvariantCulture);
        Assert.True(pages >= 2);
        Assert.Equal(pages, Regex.Count(pdf.Text("-layout"), @"Name\s+Grade\s+Notes"));
        var elements = Elements(pdf.Structure());
        Assert.Equal(3, elements.Count(e => e.Type == "TH"));
        Assert.Equal(81, elements.Count(e => e.Type == "TR"));
        Assert.Equal(Enumerable.Range(1, 80).Select(i => $"Row {i}"), elements.Where(e => e.Type == "TD" && e.Text.StartsWith("Row ", StringComparison.Ordinal)).Select(e => e.Text));
    }

    [Fact]
    public void A_table_row_taller_than_a_page_is_split_and_nothing_is_lost()
    {
        var notes = string.Join(' ', Enumerable.Range(1, 900).Select(i => string.Create(CultureInfo.InvariantCulture, $"note{i}")));
        using var pdf = Poppler.Save(Write(new PrintDocument("A tall row", "en-GB", [new PrintTable("Tall", ["Name", "Notes"], [["Only row", notes]])])));

        Assert.True(int.Parse(Field(pdf.Info(), "Pages"), CultureInfo.InvariantCulture) >= 2);
        Assert.Equal(notes.Split(' '), Regex.Matches(pdf.Text(), @"note\d+").Select(m => m.Value));
    }

    [Fact]
    public void A_heading_at_the_foot_of_a_page_moves_to_the_next_with_its_text()
    {
        // Fill the first page to within a line or two of its foot, then add a heading and a paragraph.
        var blocks = new List<PrintBlock>();
        blocks.AddRange(Enumerable.Range(0, 46).Select(i => new PrintParagraph($"Line {i}")));
        blocks.Add(new PrintHeading(2, "Kept with its paragraph"));
        blocks.Add(new PrintParagraph("The paragraph after the heading."));
        using var pdf = Poppler.Save(Write(new PrintDocument("Keep with next", "en-GB", blocks)));

        var page1 = pdf.Text("-f", "1", "-l", "1");
        var page2 = pdf.Text("-f", "2", "-l", "2");
        Assert.Contains("Line 0", page1);
        Assert.DoesNotContain("Kept with its paragraph", page1);
        Assert.Contains("Kept with its paragraph", page2);
        Assert.Contains("The paragraph after the heading.", page2);
    }

    [Fact]
    public void No_text_runs_outside_the_margins_of_any_page()
    {
        var longWord = "https://example.org/" + new string('x', 400);
        var blocks = new List<PrintBlock>(SampleDocuments.EveryBlock().Blocks)
        {
            new PrintParagraph(longWord),
            new PrintParagraph([PrintRun.LinkTo(longWord, new Uri(longWord))]),
            new PrintTable("Narrow columns", ["A", "B", "C", "D", "E", "F"], [[longWord, "Extraordinarily", "long", "words", "in", "narrow cells"]]),
            new PrintList(true, [.. Enumerable.Range(1, 12).Select(i => new PrintListItem(SampleDocuments.LongParagraph))]),
        };
        var document = SampleDocuments.EveryBlock() with { Blocks = blocks };
        using var pdf = Poppler.Save(Write(document));

        var html = pdf.Text("-bbox");
        var pages = Regex.Matches(html, @"<page width=""([\d.]+)"" height=""([\d.]+)"">").ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.Equal(("595.280000", "841.890000"), (p.Groups[1].Value, p.Groups[2].Value)));
        var words = Regex.Matches(html, @"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]*)</word>").ToList();
        Assert.True(words.Count > 500);
        Assert.All(words, w =>
        {
            var (xMin, yMin, xMax, yMax) = (double.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(w.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(w.Groups[3].Value, CultureInfo.InvariantCulture), double.Parse(w.Groups[4].Value, CultureInfo.InvariantCulture));
            Assert.True(xMin >= Margin - 0.5 && xMax <= 595.28 - Margin + 0.5, $"\"{w.Groups[5].Value}\" runs from x {xMin} to {xMax}");
            Assert.True(yMin >= 20 && yMax <= 841.89 - 20, $"\"{w.Groups[5].Value}\" runs from y {yMin} to {yMax}");
        });
        var all = Regex.Replace(pdf.Text(), @"\s+", string.Empty);
        Assert.Contains(longWord, all);
    }

    [Fact]
    public void An_image_that_cannot_be_read_is_replaced_by_its_alternative_text()
    {
        var broken = new PrintFigure(new PrintImage(new byte[] { 1, 2, 3, 4 }), "A photograph of the short-break centre");
        using var pdf = Poppler.Save(Write(new PrintDocument("Broken picture", "en-GB", [broken])));

        Assert.Contains("A photograph of the short-break centre", pdf.Text());
    }

    [Fact]
    public void Text_in_other_scripts_and_markup_prints_as_written()
    {
        const string text = "Zoë’s café — Łódź, Ελληνικά, Русский; <script>alert('x')</script> ' OR 1=1 --";
        using var pdf = Poppler.Save(Write(new PrintDocument(text, "en-GB", [new PrintHeading(1, text), new PrintParagraph(text)])));

        Assert.Equal(text, Field(pdf.Info(), "Title"));
        Assert.Equal(2, Regex.Count(pdf.Text(), Regex.Escape(text)));
    }

    [Fact]
    public void Two_hundred_pages_stream_into_a_correct_pdf()
    {
        var book = SampleDocuments.Book(chapters: 40, paragraphsPerChapter: 40, mixed: false);
        var path = Path.Combine(Path.GetTempPath(), $"lantern-{Guid.NewGuid():N}.pdf");
        try
        {
            using (var file = File.Create(path))
            {
                PrintPdf.Write(book, file);
            }

            using var pdf = new TempPdf(path);
            var info = pdf.Info();
            var pages = int.Parse(Field(info, "Pages"), CultureInfo.InvariantCulture);
            Assert.True(pages >= 200, $"{pages} pages");
            Assert.Equal("yes", Field(info, "Tagged"));
            Assert.Contains($"Page {pages} of {pages}", pdf.Text("-f", pages.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(40, Elements(pdf.Structure()).Count(e => e.Type == "H1"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Only_web_and_mail_addresses_become_links()
    {
        var paragraph = new PrintParagraph(
        [
            PrintRun.LinkTo("web", new Uri("https://example.org/a")),
            " ",
            PrintRun.LinkTo("mail", new Uri("mailto:dsl@riverside.example")),
            " ",
            PrintRun.LinkTo("script", new Uri("javascript:alert(1)")),
            " ",
            PrintRun.LinkTo("relative", new Uri("/courses/cse", UriKind.Relative)),
        ]);
        var bytes = Write(new PrintDocument("Links", "en-GB", [paragraph]));
        using var pdf = Poppler.Save(bytes);

        Assert.Equal(["https://example.org/a", "mailto:dsl@riverside.example"], PdfStructure.Read(bytes).Links);
        Assert.Contains("web mail script relative", pdf.Text());
    }

    [Fact]
    public void Control_characters_print_as_spaces()
    {
        using var pdf = Poppler.Save(Write(new PrintDocument("Control", "en-GB", [new PrintParagraph("before\u0000\u001bafter\ttab")])));

        Assert.Contains("before after tab", Regex.Replace(pdf.Text(), @"\s+", " "));
    }

    [Theory]
    [InlineData("", "en-GB")]
    [InlineData("Title", " ")]
    public void A_document_needs_a_title_and_a_language(string title, string language) =>
        Assert.Throws<ArgumentException>(() => Write(new PrintDocument(title, language, [])));
}
