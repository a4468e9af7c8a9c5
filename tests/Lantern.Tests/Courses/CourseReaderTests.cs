using Lantern.Courses.Import;
using Lantern.Courses.Model;

namespace Lantern.Tests.Courses;

/// <summary>Reading a course from its files: the sample course whole, numbered as in print, every block in its typed form.</summary>
public sealed class CourseReaderTests
{
    [Fact]
    public void The_sample_course_reads_without_problems()
    {
        var result = new SampleCourse().Read();

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Course);
        Assert.Equal("sample-course", result.Course.Id);
        Assert.True(result.Course.IsPublic);
        Assert.Equal(80, result.Course.PassMark);
        Assert.Equal(12, result.Course.RefresherMonths);
    }

    [Fact]
    public void The_sample_course_uses_every_kind_of_block()
    {
        var course = new SampleCourse().Read().Course!;
        var kinds = course.Books.SelectMany(b => b.Chapters).SelectMany(c => c.Blocks).Select(b => b.GetType()).ToHashSet();

        Assert.Equal(
            [typeof(CaseStudyBlock), typeof(ChartBlock), typeof(CheckBlock), typeof(ProductLinkBlock), typeof(QuoteBlock), typeof(ResourcesBlock), typeof(RevealBlock), typeof(SlidesBlock), typeof(VideoBlock)],
            kinds.OrderBy(k => k.Name, StringComparer.Ordinal));
        var questions = course.Books.SelectMany(b => b.Chapters).SelectMany(c => c.Questions).Select(q => q.Type).ToHashSet();
        Assert.Equal([CheckKind.SingleChoice, CheckKind.MultipleChoice, CheckKind.TrueFalse, CheckKind.Ordering], questions);
    }

    [Fact]
    public void Chapters_are_numbered_from_one_and_subchapters_as_in_print()
    {
        var book = new SampleCourse().Read().Course!.Books.Single();

        Assert.Equal([1, 2, 3, 4, 5, 6], book.Chapters.Select(c => c.Number));
        var figures = book.Chapter("what-the-figures-say")!;
        Assert.Equal(["3.1", "3.2"], figures.Subchapters.Select(s => s.Number));
        Assert.Contains("<h2 id=\"trafficking-figures\" class=\"govuk-heading-l\">3.1 Children referred", string.Concat(figures.Segments.Select(s => s.Html)), StringComparison.Ordinal);
    }

    [Fact]
    public void Citations_link_to_the_books_reference_list_and_only_cited_works_are_listed()
    {
        var course = new SampleCourse().Read().Course!;
        var book = course.Books.Single();
        var html = string.Concat(book.Chapter("noticing")!.Segments.Select(s => s.Html));

        Assert.Contains("(<a href=\"/learn/sample-course/first-steps/references#ref-jones-2012\" class=\"govuk-link\">Jones et al., 2012</a>)", html, StringComparison.Ordinal);
        Assert.Equal(["dfe-2017", "ukhtc-2013", "blackpool-2023", "jones-2012"], book.CitedReferenceKeys);
    }

    [Fact]
    public void Images_point_at_the_versions_media_and_keep_their_alternative_text()
    {
        var version = Guid.CreateVersion7();
        var result = CourseReader.Read(new SampleCourse().Source(), version);
        var html = string.Concat(result.Course!.Books[0].Chapter("noticing")!.Segments.Select(s => s.Html));

        Assert.Contains($"src=\"/learn/sample-course/media/{version}/media/notice-record-tell.png\" alt=\"Three steps in a row: 1 Notice, 2 Record, 3 Tell\"", html, StringComparison.Ordinal);
        Assert.Contains("media/tell-someone.webm", result.Media);
        Assert.Contains("media/tell-someone.en.vtt", result.Media);
    }

    [Fact]
    public void Blocks_that_depend_on_the_reader_are_not_rendered_at_import_and_the_others_are()
    {
        var segments = new SampleCourse().Read().Course!.Books[0].Chapters.SelectMany(c => c.Segments).Where(s => s.Block is not null).ToList();

        Assert.All(segments.Where(s => s.Block is CheckBlock or CaseStudyBlock or ProductLinkBlock), s => Assert.Null(s.Html));
        Assert.All(segments.Where(s => s.Block is not (CheckBlock or CaseStudyBlock or ProductLinkBlock)), s => Assert.NotNull(s.Html));
    }

    [Fact]
    public void The_chart_is_drawn_with_a_label_and_a_value_on_every_bar_and_a_table_of_the_same_figures()
    {
        var chart = new SampleCourse().Read().Course!.Books[0].Chapters.SelectMany(c => c.Segments).Single(s => s.Block is ChartBlock);

        Assert.Contains("<svg", chart.Html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", chart.Html, StringComparison.Ordinal);
        Assert.Contains(">16 to 17</text>", chart.Html, StringComparison.Ordinal);
        Assert.Contains(">142</text>", chart.Html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">16 to 17</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">142</td>", chart.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_files_hash_the_same_and_any_change_changes_the_hash()
    {
        Assert.Equal(new SampleCourse().Source().Hash(), new SampleCourse().Source().Hash());
        Assert.NotEqual(new SampleCourse().Source().Hash(), new SampleCourse().Replace("01-noticing.md", "Most worries", "Many worries").Source().Hash());
    }
}
