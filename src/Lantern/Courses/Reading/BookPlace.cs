using Lantern.Courses.Model;

namespace Lantern.Courses.Reading;

/// <summary>Where a page is in a course: the course, the book, and (on a chapter page) the chapter with its neighbours.</summary>
public sealed record BookPlace(CourseView Course, BookContent Book, ChapterContent? Chapter)
{
    public string CoursePath => $"/learn/{Course.Content.Id}";

    public string BookPath => $"{CoursePath}/{Book.Id}";

    public string ReferencesPath => $"{BookPath}/references";

    public string ChapterPath(ChapterContent chapter)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        return $"{BookPath}/{chapter.Id}";
    }

    public int Index => Chapter is null ? -1 : Book.Chapters.ToList().IndexOf(Chapter);

    public ChapterContent? Previous => Index > 0 ? Book.Chapters[Index - 1] : null;

    public ChapterContent? Next => Index >= 0 && Index < Book.Chapters.Count - 1 ? Book.Chapters[Index + 1] : null;

    public bool HasReferences => Book.CitedReferenceKeys.Count > 0;
}
