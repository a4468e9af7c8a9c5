using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Lantern.Accounts.Users;
using Lantern.Courses.Import;
using Lantern.Courses.Model;
using Lantern.Data;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Courses;

/// <summary>
/// The courses Lantern ships, as a reviewer would check them mechanically: each imports without a
/// problem (so every citation key resolves), is in the library from app start, and reads as its brief
/// says. The CSE book against its brief: chapters and numbering, every figure, the chart's data, the
/// knowledge check, and the links into Lantern for a signed-in reader and for a visitor.
/// </summary>
public abstract partial class ShippedCoursesTests(LanternApp app)
{
    private const string Cse = "/learn/cse/course-book";

    public static TheoryData<string> ShippedCourses => new(ShippedIds);

    private static IReadOnlyList<string> ShippedIds =>
        Directory.EnumerateDirectories(LibraryFolder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

    private static string LibraryFolder => Path.Combine(AppContext.BaseDirectory, "content", "courses");

    private static CourseContent Read(string id)
    {
        var result = CourseReader.Read(CourseSource.FromFolder(Path.Combine(LibraryFolder, id)), Guid.CreateVersion7());
        Assert.True(result.Problems.Count == 0, string.Join('\n', result.Problems));
        return result.Course!;
    }

    [Theory]
    [MemberData(nameof(ShippedCourses))]
    public void Every_shipped_course_reads_without_a_problem_so_every_citation_resolves(string id)
    {
        var course = Read(id);

        Assert.Equal(id, course.Id);
        var cited = course.Books.SelectMany(b => b.CitedReferenceKeys).ToHashSet();
        Assert.All(cited, key => Assert.Contains(course.References, r => r.Key == key));
    }

    [Fact]
    public async Task Every_shipped_course_is_in_the_library_from_app_start_at_its_files_version()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var library = await (
                from c in db.Courses
                join v in db.CourseVersions on c.CurrentVersionId equals v.Id
                where c.OrganisationId == null
                select new { c.Slug, v.SourceHash, v.Title, v.IsPublic })
            .ToListAsync();

        foreach (var id in ShippedIds)
        {
            var course = library.SingleOrDefault(c => c.Slug == id);
            Assert.True(course is not null, $"The shipped course {id} was not imported at start.");
            Assert.Equal(CourseSource.FromFolder(Path.Combine(LibraryFolder, id)).Hash(), course.SourceHash);
        }

        var cse = library.Single(c => c.Slug == "cse");
        Assert.Equal("Child sexual exploitation (CSE)", cse.Title);
        Assert.True(cse.IsPublic);
    }

    [Fact]
    public async Task The_cse_book_has_the_briefs_chapters_in_order_numbered_as_in_print()
    {
        var course = Read("cse");
        var book = course.Books.Single();
        var numbers = book.Chapters.SelectMany(c => new[] { c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(c.Subchapters.Select(s => s.Number)));
        string[] print = ["1", "2", "3", "3.1", "3.2", "3.3", "3.4", "3.5", "4", "5", "6", "7", "8", "9", "10", "10.1", "11", "12", "13", "14"];
        Assert.Equal(print, numbers);
        Assert.Equal(
            ["Case study", "What is CSE?", "Statistics", "Features of CSE", "The process of grooming", "The nature of grooming", "Perpetrators",
             "Assessing the situation", "Making a referral", "Helping a child move on from sexual exploitation", "Multi-agency working",
             "Local safeguarding arrangements", "Resources", "Check what you know"],
            book.Chapters.Select(c => c.Title));
        Assert.Equal(
            ["EU Kids Online", "CEOP", "Barnardo's: Puppet on a String", "UK Human Trafficking Centre", "Disabled children"],
            book.Chapter("statistics")!.Subchapters.Select(s => s.Title));
        Assert.Equal("Helping parents and carers", book.Chapter("moving-on")!.Subchapters.Single().Title);
        Assert.Equal([false, true], book.Chapters.Select(c => c.Assessed).Distinct().Order());
        Assert.True(book.Chapters[^1].Assessed);
        Assert.Equal("Induction and training for people who support disabled children and young people", course.Programme);

        using var visitor = app.NewClient();
        var contents = await visitor.GetPageAsync(Cse);
        Assert.Equal(print, contents.QuerySelectorAll(".lantern-contents__number").Select(n => n.TextContent.Trim()));
    }

    [Fact]
    public async Task The_case_study_opens_the_book_branches_with_feedback_and_is_revisited_at_the_end()
    {
        var book = Read("cse").Books.Single();
        var opening = Assert.Single(book.Chapters[0].Blocks.OfType<CaseStudyBlock>());
        Assert.True(opening.Steps.Count(s => s.Choices.Count > 0) >= 4);
        Assert.All(opening.Steps.SelectMany(s => s.Choices), c => Assert.False(string.IsNullOrWhiteSpace(c.FeedbackHtml)));
        Assert.Single(book.Chapters[^1].Blocks.OfType<CaseStudyBlock>());

        using var visitor = app.NewClient();
        var step = await visitor.GetPageAsync($"{Cse}/case-study?case=kaylas-story&step=secrets-online&choice=copy-messages");
        var feedback = step.Text(".lantern-case__feedback");
        Assert.Contains("Never photograph, copy or forward", feedback, StringComparison.Ordinal);
        Assert.NotNull(step.QuerySelector("a.govuk-button[href*='step=what-happened']"));
    }

    [Fact]
    public async Task The_statutory_definition_is_quoted_word_for_word_and_attributed()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync($"{Cse}/what-is-cse");
        var quote = page.QuerySelector("figure.lantern-quote")!;

        Assert.Equal(
            "Child sexual exploitation is a form of child sexual abuse. It occurs where an individual or group takes advantage of an imbalance of power to coerce, manipulate or deceive a child or young person under the age of 18 into sexual activity (a) in exchange for something the victim needs or wants, and/or (b) for the financial advantage or increased status of the perpetrator or facilitator. The victim may have been sexually exploited even if the sexual activity appears consensual. Child sexual exploitation does not always involve physical contact; it can also occur through the use of technology.",
            Spaces().Replace(quote.QuerySelector("blockquote")!.TextContent, " ").Trim());
        Assert.Contains("(Department for Education, 2017)", quote.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("references#ref-dfe-2017", quote.QuerySelector("figcaption a")!.GetAttribute("href")!.Split('/')[^1]);
    }

    [Theory]
    [InlineData("2,409")]
    [InlineData("16,500")]
    [InlineData("1 in 12")]
    [InlineData("16%")]
    [InlineData("a quarter")]
    [InlineData("15")]
    [InlineData("10")]
    [InlineData("six times")]
    [InlineData("549")]
    [InlineData("310")]
    [InlineData("208")]
    [InlineData("31")]
    [InlineData("70")]
    [InlineData("113")]
    [InlineData("142")]
    [InlineData("96")]
    [InlineData("128")]
    [InlineData("3.7")]
    [InlineData("2.9")]
    public async Task Every_figure_of_the_brief_is_in_the_statistics_chapter_beside_a_citation(string figure)
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync($"{Cse}/statistics");
        var pattern = new Regex(@"(?<![\d.,])" + Regex.Escape(figure) + @"(?![\d]|[.,]\d)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var holders = page.QuerySelectorAll("main p, main li, main td, main figcaption").Where(e => pattern.IsMatch(Spaces().Replace(e.TextContent, " "))).ToList();

        Assert.NotEmpty(holders);
        // The passage holding the figure, or one of the two before it that introduce it, cites its source.
        Assert.Contains(holders, e =>
        {
            var passage = e;
            while (passage.ParentElement is { } parent && !parent.ClassList.Contains("govuk-grid-column-two-thirds"))
            {
                passage = parent;
            }

            return Cited(passage) || Cited(passage.PreviousElementSibling) || Cited(passage.PreviousElementSibling?.PreviousElementSibling);
        });
    }

    [Fact]
    public void The_trafficking_ages_chart_has_the_briefs_figures_and_they_sum_to_549()
    {
        var chart = Read("cse").Books.Single().Chapter("statistics")!.Blocks.OfType<ChartBlock>().Single();

        Assert.Equal([70m, 113m, 142m, 96m, 128m], chart.Data.Select(d => d.Value));
        Assert.Equal(549m, chart.Data.Sum(d => d.Value));
        Assert.Contains("Blackpool Council, 2023", chart.SourceHtml, StringComparison.Ordinal);
        Assert.Contains("UK Human Trafficking Centre, 2013", chart.SourceHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grooming_line_is_a_step_through_of_four_stages_each_with_the_three_views_in_full_text()
    {
        var slides = Read("cse").Books.Single().Chapter("the-process-of-grooming")!.Blocks.OfType<SlidesBlock>().Single();

        Assert.Equal(["Stage 1: Targeting", "Stage 2: Friendship forming", "Stage 3: Loving relationship", "Stage 4: Abusive relationship"], slides.Slides.Select(s => s.Title));
        Assert.All(slides.Slides, s =>
        {
            Assert.Contains("What the abuser does:", s.Html, StringComparison.Ordinal);
            Assert.Contains("What the young person experiences:", s.Html, StringComparison.Ordinal);
            Assert.Contains("Signs others may notice:", s.Html, StringComparison.Ordinal);
        });
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync($"{Cse}/the-process-of-grooming");
        Assert.Equal(4, page.QuerySelectorAll(".lantern-slides__slide").Length);
    }

    [Theory]
    [MemberData(nameof(ShippedCourses))]
    public void Every_image_has_alternative_text_and_every_video_has_captions_and_a_transcript(string id)
    {
        var course = Read(id);
        var chapters = course.Books.SelectMany(b => b.Chapters).ToList();
        var html = string.Concat(chapters.SelectMany(c => c.Segments).Select(s => s.Html));

        foreach (Match image in ImageTag().Matches(html))
        {
            Assert.Matches("alt=\"[^\"]+\"", image.Value);
        }

        Assert.All(chapters.SelectMany(c => c.Blocks).OfType<VideoBlock>(), v =>
        {
            Assert.EndsWith(".vtt", v.Captions, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(v.TranscriptHtml));
        });
    }

    [Theory]
    [InlineData("cse")]
    [InlineData("recording-a-concern")]
    public void Every_knowledge_check_has_feedback_on_every_option(string id)
    {
        var questions = Read(id).Books.SelectMany(b => b.Chapters).SelectMany(c => c.Questions).ToList();

        Assert.All(questions.SelectMany(q => q.Options.Select(o => (q, o))), pair =>
            Assert.False(string.IsNullOrWhiteSpace(pair.o.FeedbackHtml), $"{pair.q.Id}: option {pair.o.Id} has no feedback"));
    }

    [Fact]
    public void The_cse_knowledge_check_has_at_least_ten_questions_of_every_type_and_a_pass_mark()
    {
        var course = Read("cse");
        var check = course.Books.Single().Chapters.Single(c => c.Assessed);

        Assert.True(check.Questions.Count() >= 10);
        Assert.Equal([CheckKind.SingleChoice, CheckKind.MultipleChoice, CheckKind.TrueFalse, CheckKind.Ordering], check.Questions.Select(q => q.Type).Distinct().Order());
        Assert.Equal(80, course.PassMark);
        Assert.Contains("pass-mark: 80", File.ReadAllText(Path.Combine(LibraryFolder, "cse", "course.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chapter_8_groups_the_warning_signs_under_the_screening_catalogues_domain_names()
    {
        using var visitor = app.NewClient();
        var page = await visitor.GetPageAsync($"{Cse}/assessing-the-situation");
        var groups = page.QuerySelectorAll("main p > strong:only-child").Select(s => s.TextContent.Trim()).ToList();

        // The names of the domains of Lantern's default screening catalogue, in its order.
        string[] domains =
        [
            "Going missing", "Relationships and people around the child", "Contact online", "Gifts, money, alcohol and drugs",
            "Health and sexual health", "School and college", "Behaviour and feelings", "Things that make a child more vulnerable",
            "Signs that harm has happened",
        ];
        Assert.Equal(domains, groups.Where(domains.Contains));
    }

    [Fact]
    public async Task A_signed_in_reader_is_linked_to_warning_signs_and_to_record_a_concern()
    {
        var learner = await app.SignedInAsAsync(Roles.Learner);

        var assessing = await learner.GetPageAsync($"{Cse}/assessing-the-situation");
        Assert.NotNull(assessing.QuerySelector("main a[href='/warning-signs']"));
        Assert.NotNull(assessing.QuerySelector("main a[href='/concerns/new']"));
        var referral = await learner.GetPageAsync($"{Cse}/making-a-referral");
        Assert.NotNull(referral.QuerySelector("main a[href='/concerns/new']"));
    }

    [Fact]
    public async Task A_visitor_is_linked_to_warning_signs_and_told_how_to_raise_a_concern_instead_of_record_a_concern()
    {
        using var visitor = app.NewClient();

        var assessing = await visitor.GetPageAsync($"{Cse}/assessing-the-situation");
        Assert.NotNull(assessing.QuerySelector("main a[href='/warning-signs']"));
        Assert.Null(assessing.QuerySelector("main a[href='/concerns/new']"));

        var referral = await visitor.GetPageAsync($"{Cse}/making-a-referral");
        Assert.Null(referral.QuerySelector("main a[href='/concerns/new']"));
        var text = Spaces().Replace(referral.Text("main"), " ");
        Assert.Contains("How to raise a concern about a child", text, StringComparison.Ordinal);
        foreach (var number in new[] { "999", "101", "0808 800 5000", "0800 1111" })
        {
            Assert.Contains(number, text, StringComparison.Ordinal);
        }

        Assert.Contains("children's social care", text, StringComparison.Ordinal);
        Assert.NotNull(referral.QuerySelector("main a[href='https://www.ceop.police.uk/ceop-reporting/']"));
        Assert.NotNull(referral.QuerySelector("main a[href='https://www.gov.uk/report-child-abuse-to-local-council']"));
    }

    [Fact]
    public async Task Every_chapter_of_the_cse_book_and_its_references_open_for_a_visitor_with_each_link_naming_its_destination()
    {
        var book = Read("cse").Books.Single();
        using var visitor = app.NewClient();

        foreach (var chapter in book.Chapters)
        {
            var page = await visitor.GetPageAsync($"{Cse}/{chapter.Id}");
            Assert.Contains(chapter.Title, page.Text("h1"), StringComparison.Ordinal);
        }

        var resources = await visitor.GetPageAsync($"{Cse}/resources");
        var external = resources.QuerySelectorAll("main .lantern-block a[href^='https://']").ToList();
        Assert.True(external.Count >= 8);
        Assert.All(external, a => Assert.Matches(@"\([^()]+\)$", a.TextContent.Trim()));
        Assert.All(external, a => Assert.Null(a.GetAttribute("target")));

        var references = await visitor.GetPageAsync($"{Cse}/references");
        foreach (var key in book.CitedReferenceKeys)
        {
            Assert.NotNull(references.GetElementById("ref-" + key));
        }

        Assert.Equal(15, book.CitedReferenceKeys.Count);
    }

    [Fact]
    public async Task The_private_course_opens_only_for_people_who_are_signed_in()
    {
        using var visitor = app.NewClient();
        using var refused = await visitor.GetAsync(new Uri("/learn/recording-a-concern", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var learner = await app.SignedInAsAsync(Roles.Learner);
        var page = await learner.GetPageAsync("/learn/recording-a-concern/recording-and-reporting/passing-it-on");
        Assert.NotNull(page.QuerySelector("main a[href='/concerns/new']"));
    }

    private static bool Cited(IElement? element) => element?.QuerySelector("a[href*='/references#ref-']") is not null;

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex ImageTag();

    public sealed class OnSqlite(SqliteApp app) : ShippedCoursesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ShippedCoursesTests(app), IClassFixture<PostgresApp>;
}
