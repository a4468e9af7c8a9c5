using Lantern.Courses.Model;
using Lantern.Learning.Progress;

namespace Lantern.Tests.Learning;

public sealed class BookProgressTests
{
    private static readonly CourseContent Course = new(
        "c", "Course", null, "Summary", false, 80, 12, [],
        [
            new BookContent("b", "Book", null,
            [
                Chapter("one", 1, false, []),
                Chapter("two", 2, false, [Question("warm-up")]),
                Chapter("check", 3, true, [Question("q1"), Question("q2"), Question("q3"), Question("q4"), Question("q5")]),
            ], []),
        ],
        []);

    private static ChapterContent Chapter(string id, int number, bool assessed, IReadOnlyList<CheckBlock> questions) =>
        new(id, number, id, assessed, [], questions.Select(q => new Segment(null, q)).ToList());

    private static CheckBlock Question(string id) =>
        new(id, 2, CheckKind.TrueFalse, "True?", null, [new CheckOption("true", "True", true, null), new CheckOption("false", "False", false, null)]);

    private static HashSet<string> Viewed(params string[] chapters) => chapters.Select(c => BookProgress.ChapterKey("b", c)).ToHashSet();

    private static Dictionary<string, bool> Answers(int right, int wrong) =>
        Enumerable.Range(1, right + wrong).ToDictionary(i => BookProgress.QuestionKey("b", "check", "q" + i), i => i <= right);

    [Fact]
    public void Nothing_done_is_not_started()
    {
        var result = BookProgress.Evaluate(Course, new HashSet<string>(), new Dictionary<string, bool>());

        Assert.False(result.Started);
        Assert.False(result.Complete);
        Assert.Equal(3, result.Chapters);
        Assert.Equal(5, result.Questions);
    }

    [Fact]
    public void Every_chapter_viewed_and_the_check_passed_at_the_pass_mark_completes_the_course()
    {
        var result = BookProgress.Evaluate(Course, Viewed("one", "two", "check"), Answers(4, 1));

        Assert.True(result.Complete);
        Assert.Equal(80, result.Score);
        Assert.True(result.Passed);
    }

    [Fact]
    public void A_score_below_the_pass_mark_does_not_complete_it()
    {
        var result = BookProgress.Evaluate(Course, Viewed("one", "two", "check"), Answers(3, 2));

        Assert.False(result.Complete);
        Assert.Equal(60, result.Score);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Passing_the_check_without_reading_every_chapter_does_not_complete_it()
    {
        Assert.False(BookProgress.Evaluate(Course, Viewed("two", "check"), Answers(5, 0)).Complete);
    }

    [Fact]
    public void An_unanswered_assessed_question_leaves_the_check_unmarked()
    {
        var result = BookProgress.Evaluate(Course, Viewed("one", "two", "check"), Answers(4, 0));

        Assert.False(result.Complete);
        Assert.Null(result.Passed);
        Assert.Equal(4, result.Answered);
    }

    [Fact]
    public void Questions_outside_the_assessed_chapter_do_not_count_towards_the_score()
    {
        var answers = Answers(4, 1);
        answers[BookProgress.QuestionKey("b", "two", "warm-up")] = false;

        Assert.Equal(80, BookProgress.Evaluate(Course, Viewed("one", "two", "check"), answers).Score);
    }

    [Fact]
    public void A_course_with_no_assessed_chapter_is_complete_when_every_chapter_is_viewed()
    {
        var reading = Course with { Books = [Course.Books[0] with { Chapters = Course.Books[0].Chapters.Take(2).ToList() }] };

        var result = BookProgress.Evaluate(reading, Viewed("one", "two"), new Dictionary<string, bool>());

        Assert.True(result.Complete);
        Assert.Null(result.Score);
    }

    [Fact]
    public void Answers_to_questions_the_course_does_not_have_are_ignored()
    {
        var answers = Answers(3, 2);
        answers["b/check/forged"] = true;
        answers["other/check/q1"] = true;

        Assert.Equal(60, BookProgress.Evaluate(Course, Viewed("one", "two", "check"), answers).Score);
    }
}
