using Lantern.Courses.Model;

namespace Lantern.Courses.Import;

/// <summary>
/// Reads a whole course from its files: <c>course.yaml</c> (settings, references, books and their
/// chapters) and one Markdown file per chapter. Pure: files in, the course and every problem out.
/// </summary>
public static class CourseReader
{
    public const string CourseFile = "course.yaml";

    public sealed record Result(CourseContent? Course, IReadOnlyList<string> Media, IReadOnlyList<ImportProblem> Problems);

    public static Result Read(CourseSource source, Guid versionId)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new ProblemList();
        problems.AddRange(source.Problems);
        if (!source.Files.TryGetValue(CourseFile, out var yamlBytes))
        {
            if (source.Problems.Count == 0)
            {
                problems.Add(CourseFile, null, "There is no course.yaml in the course folder. Every course starts with one: see docs/authoring.md.");
            }

            return new Result(null, [], problems.Items);
        }

        var map = YamlMap.Parse(System.Text.Encoding.UTF8.GetString(yamlBytes).TrimStart('\uFEFF'), CourseFile, 0, problems, "course file");
        if (map is null)
        {
            return new Result(null, [], problems.Items);
        }

        map.OnlyKeys("id", "title", "programme", "summary", "public", "audiences", "pass-mark", "refresher-months", "references", "books");
        var id = map.Id("id");
        var context = new ImportContext(id ?? "course", versionId, source, problems);
        var title = map.Text("title", required: true);
        var summary = map.Text("summary", required: true);
        var passMark = map.Whole("pass-mark", 0, 100) ?? 80;
        var refresher = map.Whole("refresher-months", 1, 120);

        var references = new List<Reference>();
        foreach (var item in map.List("references"))
        {
            item.OnlyKeys("key", "citation", "entry", "url");
            var key = item.Id("key");
            var citation = item.Text("citation", required: true);
            var entry = item.Markdown("entry", required: true);
            var url = item.Text("url");
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                item.Problem($"‘{url}’ is not a web address. Write it in full, starting with https://.");
                url = null;
            }

            if (key is not null && context.References.ContainsKey(key))
            {
                item.Problem($"The reference key ‘{key}’ is used twice. Give each reference its own key.");
                continue;
            }

            if (key is not null && citation is not null && entry is { } e)
            {
                var reference = new Reference(key, citation, CourseMarkdown.Inline(e.Text, context, CourseFile, e.Line), url);
                context.References[key] = reference;
                references.Add(reference);
            }
        }

        var books = new List<BookContent>();
        var bookIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bookMap in map.List("books", required: true))
        {
            bookMap.OnlyKeys("id", "title", "summary", "chapters");
            var bookId = bookMap.Id("id");
            var bookTitle = bookMap.Text("title", required: true);
            if (bookId is not null && (CourseRules.ReservedIds.Contains(bookId) || !bookIds.Add(bookId)))
            {
                bookMap.Problem(CourseRules.ReservedIds.Contains(bookId)
                    ? $"‘{bookId}’ is a word Lantern uses in addresses. Give the book another id."
                    : $"Two books have the id ‘{bookId}’. Give each book its own.");
                bookId = null;
            }

            context.BookId = bookId ?? "book";
            context.CitedInBook.Clear();
            var chapters = new List<ChapterContent>();
            foreach (var chapterMap in bookMap.List("chapters", required: true))
            {
                chapterMap.OnlyKeys("id", "file", "assessed");
                var chapterId = chapterMap.Id("id");
                var file = chapterMap.Text("file", required: true);
                var assessed = chapterMap.Flag("assessed");
                if (chapterId is not null && CourseRules.ReservedIds.Contains(chapterId))
                {
                    chapterMap.Problem($"‘{chapterId}’ is a word Lantern uses in addresses. Give the chapter another id.");
                    continue;
                }

                if (chapterId is null || file is null || !context.ClaimId(chapterId, CourseFile, chapterMap.Line))
                {
                    continue;
                }

                if (!source.Files.ContainsKey(file))
                {
                    chapterMap.Problem($"The chapter file ‘{file}’ is not in the course folder. Add it, or correct the name (it is case-sensitive).");
                    continue;
                }

                if (!file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    chapterMap.Problem($"A chapter is a Markdown file ending in .md; ‘{file}’ is not.");
                    continue;
                }

                var chapter = ChapterReader.Read(context, file, chapterId, chapters.Count + 1, assessed);
                if (chapter is not null)
                {
                    chapters.Add(chapter);
                }
            }

            if (bookId is not null && bookTitle is not null)
            {
                var cited = references.Where(r => context.CitedInBook.Contains(r.Key)).Select(r => r.Key).ToList();
                books.Add(new BookContent(bookId, bookTitle, bookMap.Text("summary"), chapters, cited));
            }
        }

        if (problems.Any || id is null || title is null || summary is null)
        {
            return new Result(null, [], problems.Items);
        }

        var course = new CourseContent(id, title, map.Text("programme"), summary, map.Flag("public"), passMark, refresher, map.Texts("audiences"), books, references);
        return new Result(course, context.UsedMedia.Order(StringComparer.Ordinal).ToList(), problems.Items);
    }
}
