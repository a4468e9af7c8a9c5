using Lantern.Courses.Model;

namespace Lantern.Learning.Progress;

/// <summary>
/// Whether a learner has met a course's rules, from what they have done in the current attempt: every
/// chapter of every book viewed, and every question of the assessed chapters answered, with the share
/// answered right (each question's latest answer) at or above the course's pass mark. A course with no
/// assessed chapter is complete when every chapter has been viewed. Marked on the server only.
/// </summary>
public static class BookProgress
{
    public static ProgressResult Evaluate(CourseContent course, IReadOnlySet<string> viewedChapters, IReadOnlyDictionary<string, bool> latestAnswers)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(viewedChapters);
        ArgumentNullException.ThrowIfNull(latestAnswers);
        var chapters = course.Books.SelectMany(b => b.Chapters.Select(c => (Book: b, Chapter: c))).ToList();
        var viewed = chapters.Count(c => viewedChapters.Contains(ChapterKey(c.Book.Id, c.Chapter.Id)));
        var assessed = chapters.Where(c => c.Chapter.Assessed)
            .SelectMany(c => c.Chapter.Questions.Select(q => QuestionKey(c.Book.Id, c.Chapter.Id, q.Id)))
            .ToList();
        var answered = assessed.Count(latestAnswers.ContainsKey);
        var right = assessed.Count(q => latestAnswers.TryGetValue(q, out var r) && r);
        var allViewed = viewed == chapters.Count;
        var allAnswered = answered == assessed.Count;
        int? score = assessed.Count == 0 ? null : right * 100 / assessed.Count;
        var passed = assessed.Count == 0 || (allAnswered && score >= course.PassMark);
        return new ProgressResult(chapters.Count, viewed, assessed.Count, answered, score, allAnswered && assessed.Count > 0 ? score >= course.PassMark : null, allViewed && passed);
    }

    public static string ChapterKey(string book, string chapter) => book + "/" + chapter;

    public static string QuestionKey(string book, string chapter, string question) => book + "/" + chapter + "/" + question;
}

/// <summary>
/// A learner's progress through a course: chapters viewed of all, assessed questions answered of all,
/// the score so far (null when the course has no assessed question), whether the check is passed
/// (null until every assessed question is answered) and whether the course's rules are met.
/// </summary>
public sealed record ProgressResult(int Chapters, int Viewed, int Questions, int Answered, int? Score, bool? Passed, bool Complete)
{
    public bool Started => Viewed > 0 || Answered > 0;
}
