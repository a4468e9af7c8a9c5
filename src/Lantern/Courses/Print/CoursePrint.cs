using System.Globalization;
using Lantern.Courses.Blocks;
using Lantern.Courses.Model;
using Lantern.Printing;

namespace Lantern.Courses.Print;

/// <summary>
/// The print form of a course book or of one of its chapters: the one mapping from the course model
/// to the print model, read by the print view (as HTML) and the PDF alike. Every block has a print
/// form: a reveal shown open with its answer, a knowledge check with its options (no answer marked),
/// a case study as a sequence of its steps with every choice and its feedback, slides as sections,
/// a video as its transcript, a chart as a figure with its data table, quotations, resources and links
/// into Lantern, citations and the reference list at the end.
/// </summary>
public static class CoursePrint
{
    public const string Language = "en-GB";

    /// <summary>The whole book: each chapter from a new page, then the references it cites.</summary>
    public static PrintDocument Book(CourseContent course, BookContent book, PrintReader reader)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(reader);
        var html = new HtmlPrintReader(reader.Image);
        var blocks = new List<PrintBlock>();
        if (book.Summary is { Length: > 0 } summary)
        {
            blocks.Add(new PrintParagraph(summary));
        }

        foreach (var chapter in book.Chapters)
        {
            if (chapter != book.Chapters[0])
            {
                blocks.Add(new PrintPageBreak());
            }

            Chapter(chapter, html, reader, blocks);
        }

        var cited = book.CitedReferenceKeys.ToHashSet(StringComparer.Ordinal);
        References(course.References.Where(r => cited.Contains(r.Key)), html, blocks, newPage: true);
        return new PrintDocument(Title(course, book), Language, blocks)
        {
            Subject = course.Summary,
        };
    }

    /// <summary>One chapter, then the references that chapter cites.</summary>
    public static PrintDocument Chapter(CourseContent course, BookContent book, ChapterContent chapter, PrintReader reader)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(reader);
        var html = new HtmlPrintReader(reader.Image);
        var blocks = new List<PrintBlock>();
        Chapter(chapter, html, reader, blocks);
        var cited = html.Cited.ToHashSet(StringComparer.Ordinal);
        References(course.References.Where(r => cited.Contains(r.Key)), html, blocks, newPage: false);
        return new PrintDocument($"{chapter.Number} {chapter.Title}: {book.Title}", Language, blocks)
        {
            Subject = course.Title,
            Footer = $"{Title(course, book)}, chapter {chapter.Number}",
        };
    }

    /// <summary>The course and book, or the course alone where its title already says the book's.</summary>
    public static string Title(CourseContent course, BookContent book)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(book);
        return course.Title.StartsWith(book.Title, StringComparison.CurrentCultureIgnoreCase) ? course.Title : $"{course.Title}: {book.Title}";
    }

    private static void Chapter(ChapterContent chapter, HtmlPrintReader html, PrintReader reader, List<PrintBlock> blocks)
    {
        blocks.Add(new PrintHeading(1, $"{chapter.Number} {chapter.Title}"));
        foreach (var segment in chapter.Segments)
        {
            if (segment.Block is { } block)
            {
                Block(block, html, reader, blocks);
            }
            else
            {
                blocks.AddRange(html.Read(segment.Html));
            }
        }
    }

    private static void References(IEnumerable<Reference> references, HtmlPrintReader html, List<PrintBlock> blocks, bool newPage)
    {
        var items = references
            .OrderBy(r => r.Citation, StringComparer.CurrentCulture)
            .Select(r =>
            {
                var runs = html.Runs(r.EntryHtml);
                if (r.Url is not null && Uri.TryCreate(r.Url, UriKind.Absolute, out var url))
                {
                    runs.Add(new PrintRun("\n"));
                    runs.Add(PrintRun.LinkTo(r.Url, url));
                }

                return new PrintListItem(runs);
            })
            .ToList();
        if (items.Count == 0)
        {
            return;
        }

        if (newPage)
        {
            blocks.Add(new PrintPageBreak());
            blocks.Add(new PrintHeading(1, "References"));
        }
        else
        {
            blocks.Add(new PrintHeading(2, "References"));
        }

        blocks.Add(new PrintList(false, items));
    }

    private static void Block(Block block, HtmlPrintReader html, PrintReader reader, List<PrintBlock> blocks)
    {
        // Print headings go to H3; a block's own sub-headings sit one level below its heading.
        var level = Math.Clamp(block.HeadingLevel, 2, 3);
        var sub = Math.Min(level + 1, 3);
        switch (block)
        {
            case RevealBlock reveal:
                // Open, with its answer: on paper there is nothing to click.
                blocks.Add(new PrintNote("Question: " + reveal.Question, [new PrintParagraph([PrintRun.Bold("Answer:")]), .. html.Paragraphs(reveal.AnswerHtml)]));
                break;

            case CheckBlock check:
                Check(check, html, level, blocks);
                break;

            case CaseStudyBlock caseStudy:
                CaseStudy(caseStudy, html, level, sub, blocks);
                break;

            case VideoBlock video:
                blocks.Add(new PrintHeading(level, video.Title));
                blocks.Add(new PrintParagraph($"This part of the course is a video. On paper, here is everything it says and shows, word for word."));
                blocks.Add(new PrintHeading(sub, "Transcript: " + video.Title));
                blocks.AddRange(html.Read(video.TranscriptHtml));
                break;

            case SlidesBlock slides:
                blocks.Add(new PrintHeading(level, slides.Title));
                for (var i = 0; i < slides.Slides.Count; i++)
                {
                    var slide = slides.Slides[i];
                    blocks.Add(new PrintHeading(sub, string.Create(CultureInfo.InvariantCulture, $"Slide {i + 1} of {slides.Slides.Count}: {slide.Title}")));
                    blocks.AddRange(html.Read(slide.Html));
                }

                break;

            case ChartBlock chart:
                blocks.Add(new PrintHeading(level, chart.Title));
                blocks.Add(new PrintFigure(ChartDrawing.Draw(chart), ChartDrawing.Describe(chart), HtmlPrintReader.Text(chart.SummaryHtml)));
                if (chart.SourceHtml is not null)
                {
                    blocks.Add(new PrintParagraph([new PrintRun("Source: "), .. html.Runs(chart.SourceHtml)]));
                }

                blocks.Add(new PrintTable(
                    $"Figures for the chart ‘{chart.Title}’",
                    [chart.CategoryLabel, chart.ValueLabel],
                    chart.Data.Select(d => (IReadOnlyList<PrintTableCell>)[d.Label, ChartSvg.Format(d.Value)]).ToList())
                {
                    FirstColumnIsRowHeader = true,
                    ColumnWeights = [3, 1],
                });
                break;

            case ResourcesBlock resources:
                blocks.Add(new PrintHeading(level, resources.Title));
                blocks.Add(new PrintList(false, resources.Items.Select(item =>
                {
                    var runs = new List<PrintRun>();
                    var url = Uri.TryCreate(item.Url, UriKind.Absolute, out var u) ? u : null;
                    runs.Add(new PrintRun($"{item.Title} ({item.Destination})", PrintRunStyle.Bold, url));
                    if (item.DescriptionHtml is not null)
                    {
                        runs.Add(new PrintRun("\n"));
                        runs.AddRange(html.Runs(item.DescriptionHtml));
                    }

                    // On paper the address is the link.
                    runs.Add(new PrintRun("\n"));
                    runs.Add(new PrintRun(item.Url, PrintRunStyle.Plain, url));
                    return new PrintListItem(runs);
                }).ToList()));
                break;

            case ProductLinkBlock link:
                ProductLink(link, html, reader, level, blocks);
                break;

            case QuoteBlock quote:
                var attribution = quote.Attribution + (quote.CitationHtml is null ? string.Empty : " " + HtmlPrintReader.Text(quote.CitationHtml));
                html.Runs(quote.CitationHtml); // for the keys it cites, so a chapter's reference list has them
                blocks.Add(new PrintQuotation(html.Runs(quote.Html), attribution));
                break;
        }
    }

    private static void Check(CheckBlock check, HtmlPrintReader html, int level, List<PrintBlock> blocks)
    {
        blocks.Add(new PrintHeading(level, "Question: " + check.Question));
        var kind = check.Type switch
        {
            CheckKind.MultipleChoice => "Select all that apply.",
            CheckKind.Ordering => string.Create(CultureInfo.InvariantCulture, $"Give each item its place, from 1 (first) to {check.Options.Count} (last)."),
            CheckKind.TrueFalse => "True or false?",
            _ => "Choose one answer.",
        };
        var hint = html.Runs(check.HintHtml);
        blocks.Add(new PrintParagraph([new PrintRun(kind), .. hint.Count > 0 ? [new PrintRun(" "), .. hint] : Array.Empty<PrintRun>()]));

        // The options as the page presents them (an ordering shuffled), none marked right: the answers are for the course.
        var options = CheckMarker.PresentedOrder(check);
        blocks.Add(new PrintList(false, options.Select(o => new PrintListItem(check.Type == CheckKind.Ordering ? "Place: ____   " + o.Text : o.Text)).ToList()));
    }

    private static void CaseStudy(CaseStudyBlock caseStudy, HtmlPrintReader html, int level, int sub, List<PrintBlock> blocks)
    {
        blocks.Add(new PrintHeading(level, "Case study: " + caseStudy.Title));
        blocks.AddRange(html.Read(caseStudy.IntroHtml));

        // The steps in the order a reader meets them from the start, then any the choices do not reach.
        var order = new List<CaseStep>();
        var queue = new Queue<string>([caseStudy.Start]);
        while (queue.Count > 0)
        {
            if (caseStudy.Step(queue.Dequeue()) is { } step && !order.Contains(step))
            {
                order.Add(step);
                foreach (var next in step.Choices.Select(c => c.Next).OfType<string>())
                {
                    queue.Enqueue(next);
                }
            }
        }

        order.AddRange(caseStudy.Steps.Where(s => !order.Contains(s)));
        for (var i = 0; i < order.Count; i++)
        {
            var step = order[i];
            var number = string.Create(CultureInfo.InvariantCulture, $"Step {i + 1}");
            blocks.Add(new PrintHeading(sub, step.Title is null ? number : $"{number}: {step.Title}"));
            blocks.AddRange(html.Read(step.Html));
            if (step.Choices.Count == 0)
            {
                blocks.Add(new PrintParagraph([PrintRun.Bold("This is the end of the case study.")]));
                continue;
            }

            if (step.Question is not null)
            {
                blocks.Add(new PrintParagraph([PrintRun.Bold(step.Question)]));
            }

            blocks.Add(new PrintList(false, step.Choices.Select(choice =>
            {
                var runs = new List<PrintRun> { PrintRun.Bold(choice.Text), new("\n") };
                runs.AddRange(html.Runs(choice.FeedbackHtml));
                if (choice.Next is not null && order.FindIndex(s => s.Id == choice.Next) is var at and >= 0)
                {
                    runs.Add(new PrintRun("\n"));
                    runs.Add(PrintRun.Italic(string.Create(CultureInfo.InvariantCulture, $"The story goes on at step {at + 1}.")));
                }

                return new PrintListItem(runs);
            }).ToList()));
        }
    }

    private static void ProductLink(ProductLinkBlock link, HtmlPrintReader html, PrintReader reader, int level, List<PrintBlock> blocks)
    {
        if (ProductPages.Find(link.Page) is not { } target)
        {
            return;
        }

        var mayOpen = reader.MayOpen(target);
        blocks.Add(new PrintHeading(level, mayOpen ? target.Title : target.AlternativeTitle));
        blocks.AddRange(html.Read(link.IntroHtml));
        if (mayOpen)
        {
            blocks.Add(new PrintParagraph(target.Description));
            blocks.Add(new PrintParagraph([new PrintRun("In Lantern: "), new PrintRun(target.Title, PrintRunStyle.Bold, new Uri(target.Path, UriKind.Relative))]));
        }
        else
        {
            blocks.AddRange(html.Read(target.AlternativeHtml));
        }
    }
}
