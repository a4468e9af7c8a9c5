using System.Text;
using Lantern.Courses.Import;

namespace Lantern.Tests.Courses;

/// <summary>
/// Every kind of bad course named in the issue is rejected whole, and the problem says which file, which
/// line, and what to do.
/// </summary>
public sealed class CourseImportProblemTests
{
    [Fact]
    public void Malformed_yaml_in_the_course_file_is_reported_with_its_line()
    {
        var problem = Single(new SampleCourse().Replace("course.yaml", "pass-mark: 80", "pass-mark: [80"));

        Assert.Equal("course.yaml", problem.File);
        Assert.NotNull(problem.Line);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_in_a_block_is_reported_at_its_line_in_the_chapter_file()
    {
        var problem = Single(new SampleCourse().Replace("01-noticing.md", "question: Why might a disabled child be at greater risk?", "question: [Why might"));

        Assert.Equal("01-noticing.md", problem.File);
        var line = LineOf(new SampleCourse(), "01-noticing.md", "question: Why might a disabled child");

        // An unclosed bracket is found where the parser gives up: that line or the next.
        Assert.InRange(problem.Line!.Value, line, line + 1);
    }

    [Fact]
    public void An_unknown_block_is_reported_with_the_kinds_there_are()
    {
        var problem = Single(new SampleCourse().Replace("01-noticing.md", "```reveal id=why-disabled-children", "```revael id=why-disabled-children"));

        Assert.Equal(LineOf(new SampleCourse(), "01-noticing.md", "```reveal id=why-disabled-children"), problem.Line);
        Assert.Contains("‘revael’ is not a kind of block", problem.Message, StringComparison.Ordinal);
        Assert.Contains("reveal", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_setting_is_reported_not_ignored()
    {
        var problem = Single(new SampleCourse().Replace("course.yaml", "summary: A short course", "sumary: A short course"), expected: 2);

        Assert.Contains("‘sumary’ is not a setting here", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_without_alternative_text_is_reported_with_its_line()
    {
        var problem = Single(new SampleCourse().Replace("01-noticing.md", "![Three steps in a row: 1 Notice, 2 Record, 3 Tell]", "![]"));

        Assert.Equal(LineOf(new SampleCourse(), "01-noticing.md", "![Three steps"), problem.Line);
        Assert.Contains("no alternative text", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_without_captions_is_reported()
    {
        var problem = Single(new SampleCourse().Replace("04-video.md", "captions: media/tell-someone.en.vtt\n", ""));

        Assert.Equal("04-video.md", problem.File);
        Assert.Contains("no captions", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_without_a_transcript_is_reported()
    {
        var course = new SampleCourse();
        var text = course.Text("04-video.md");
        var problem = Single(course.With("04-video.md", text[..text.IndexOf("transcript: |", StringComparison.Ordinal)] + "```\n"));

        Assert.Contains("no transcript", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_with_neither_described_video_nor_a_declaration_is_reported()
    {
        var problem = Single(new SampleCourse().Replace("04-video.md", "descriptions: media/tell-someone.descriptions.en.vtt\n", ""));

        Assert.Contains("described video", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_that_declares_the_audio_says_everything_needs_no_described_video()
    {
        var result = new SampleCourse().Replace("04-video.md", "descriptions: media/tell-someone.descriptions.en.vtt\n", "audio-describes-everything: true\n").Read();

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Captions_that_are_not_webvtt_are_reported()
    {
        var problem = Single(new SampleCourse().With("media/tell-someone.en.vtt", "1\n00:00:00,000 --> 00:00:03,600\nHello\n"));

        Assert.Equal("media/tell-someone.en.vtt", problem.File);
        Assert.Contains("not a WebVTT file", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_citation_key_is_reported_with_its_line()
    {
        var problem = Single(new SampleCourse().Replace("01-noticing.md", "[@jones-2012]", "[@jones-2021]"));

        Assert.Equal(LineOf(new SampleCourse(), "01-noticing.md", "[@jones-2012]"), problem.Line);
        Assert.Contains("‘jones-2021’ is not in the course's reference list", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_without_an_id_is_reported()
    {
        var problem = Single(new SampleCourse().Replace("06-check.md", "```check id=first-step", "```check"));

        Assert.Contains("has no id", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subchapter_without_an_id_is_reported()
    {
        var problem = Single(new SampleCourse().Replace("01-noticing.md", "## Words that matter {#words-that-matter}", "## Words that matter"));

        Assert.Equal(LineOf(new SampleCourse(), "01-noticing.md", "## Words that matter"), problem.Line);
        Assert.Contains("needs an id", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_used_twice_is_reported_naming_where_it_was_first_used()
    {
        var problem = Single(new SampleCourse().Replace("06-check.md", "```check id=what-to-record", "```check id=first-step"));

        Assert.Contains("‘first-step’ is already used (06-check.md, line", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chapter_id_missing_from_the_course_file_is_reported()
    {
        var problem = Single(new SampleCourse().Replace("course.yaml", "      - id: noticing\n", "      - \n"), expected: null);

        Assert.Equal("course.yaml", problem.File);
    }

    [Fact]
    public void A_chapter_file_that_is_missing_is_reported_at_its_line_in_the_course_file()
    {
        var problem = Single(new SampleCourse().Without("03-figures.md"));

        Assert.Equal("course.yaml", problem.File);
        Assert.Equal(LineOf(new SampleCourse(), "course.yaml", "- id: what-the-figures-say"), problem.Line);
        Assert.Contains("‘03-figures.md’ is not in the course folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_reported()
    {
        var problem = Single(new SampleCourse().With("05-acting.md", "# Acting\n\n" + new string('a', 1024 * 1024)), expected: 2);

        Assert.Contains("larger than the limit of 1 MB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_whose_paths_climb_out_of_the_folder_is_reported()
    {
        using var zip = new MemoryStream(new SampleCourse().Zip(["../outside.md", "sample-course/../../etc/passwd"]));
        var source = await CourseSource.FromZipAsync(zip, "course.zip", CancellationToken.None);
        var result = CourseReader.Read(source, Guid.CreateVersion7());

        Assert.Null(result.Course);
        Assert.Equal(2, result.Problems.Count(p => p.Message.Contains("leads outside the course folder", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_zip_of_the_folder_reads_like_the_folder()
    {
        using var zip = new MemoryStream(new SampleCourse().Zip());
        var source = await CourseSource.FromZipAsync(zip, "course.zip", CancellationToken.None);

        Assert.Empty(CourseReader.Read(source, Guid.CreateVersion7()).Problems);
        Assert.Equal(new SampleCourse().Source().Hash(), source.Hash());
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_reported()
    {
        using var notZip = new MemoryStream(Encoding.UTF8.GetBytes("<html>not a zip</html>"));
        var source = await CourseSource.FromZipAsync(notZip, "course.zip", CancellationToken.None);

        Assert.Contains("not a zip file", Assert.Single(CourseReader.Read(source, Guid.CreateVersion7()).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_course_file_is_reported()
    {
        var problem = Single(new SampleCourse().Without("course.yaml"));

        Assert.Contains("There is no course.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_choice_question_with_two_right_answers_is_reported()
    {
        var problem = Single(new SampleCourse().Replace("06-check.md", "    text: Promise to keep it a secret\n", "    text: Promise to keep it a secret\n    correct: true\n"));

        Assert.Contains("exactly one option with ‘correct: true’", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_study_choice_leading_to_no_step_is_reported()
    {
        var problem = Single(new SampleCourse().Replace("02-case-study.md", "next: the-end", "next: the-ending"));

        Assert.Contains("‘next: the-ending’ names no step", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_page_lantern_does_not_have_is_reported()
    {
        var problem = Single(new SampleCourse().Replace("05-acting.md", "page: warning-signs", "page: admin-settings"));

        Assert.Contains("not a page of Lantern a course can link to", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once_and_nothing_is_returned_to_store()
    {
        var result = new SampleCourse()
            .Replace("01-noticing.md", "[@jones-2012]", "[@nobody-1999]")
            .Replace("01-noticing.md", "![Three steps in a row: 1 Notice, 2 Record, 3 Tell]", "![]")
            .Without("06-check.md")
            .Read();

        Assert.Null(result.Course);
        Assert.Equal(3, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    private static ImportProblem Single(SampleCourse course, int? expected = 1)
    {
        var result = course.Read();
        Assert.Null(result.Course);
        if (expected is { } count)
        {
            Assert.True(result.Problems.Count == count, string.Join(Environment.NewLine, result.Problems));
        }

        Assert.NotEmpty(result.Problems);
        return result.Problems[0];
    }

    private static int LineOf(SampleCourse course, string file, string text) =>
        course.Text(file).Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains(text, StringComparison.Ordinal)).i + 1;
}
