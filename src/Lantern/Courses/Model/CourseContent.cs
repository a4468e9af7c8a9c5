namespace Lantern.Courses.Model;

/// <summary>
/// One imported version of a course, as stored (JSON) with the version and read by every page, the
/// print view and learning records. Everything a page needs is here, already rendered where the
/// rendering does not depend on the request; ids are the authors' and stay stable across versions.
/// </summary>
public sealed record CourseContent(
    string Id,
    string Title,
    string? Programme,
    string Summary,
    bool IsPublic,
    int PassMark,
    int? RefresherMonths,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<BookContent> Books,
    IReadOnlyList<Reference> References)
{
    public BookContent? Book(string id) => Books.FirstOrDefault(b => b.Id == id);
}

/// <summary>A book of a course: numbered chapters, and the references its chapters cite.</summary>
public sealed record BookContent(
    string Id,
    string Title,
    string? Summary,
    IReadOnlyList<ChapterContent> Chapters,
    IReadOnlyList<string> CitedReferenceKeys)
{
    public ChapterContent? Chapter(string id) => Chapters.FirstOrDefault(c => c.Id == id);
}

/// <summary>
/// A chapter: its number in the book (1, 2, 3 …), its subchapters (3.1, 3.2 …) and its content as
/// segments of pre-rendered, sanitised HTML and typed blocks. <see cref="Assessed"/> marks the
/// end-of-book check whose questions count towards the course's pass mark.
/// </summary>
public sealed record ChapterContent(
    string Id,
    int Number,
    string Title,
    bool Assessed,
    IReadOnlyList<Subchapter> Subchapters,
    IReadOnlyList<Segment> Segments)
{
    public IEnumerable<Block> Blocks => Segments.Where(s => s.Block is not null).Select(s => s.Block!);

    public IEnumerable<CheckBlock> Questions => Blocks.OfType<CheckBlock>();
}

/// <summary>A second-level heading of a chapter, numbered as in print: "3.1".</summary>
public sealed record Subchapter(string Id, string Number, string Title);

/// <summary>
/// A piece of a chapter: either HTML rendered and sanitised at import, or a typed block. A block whose
/// HTML does not depend on the request (a reveal, a chart) carries that HTML too; one that does
/// (a knowledge check, a case study, a link into the product) is rendered per request from its type.
/// </summary>
public sealed record Segment(string? Html, Block? Block);

/// <summary>An entry of the course's reference list: the key authors cite, the in-text form and the full entry.</summary>
public sealed record Reference(string Key, string Citation, string EntryHtml, string? Url);
