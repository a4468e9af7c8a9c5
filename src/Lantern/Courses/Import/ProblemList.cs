namespace Lantern.Courses.Import;

/// <summary>Every problem found in a course, in the order found; an import with any is rejected whole.</summary>
public sealed class ProblemList
{
    private readonly List<ImportProblem> _items = [];

    public IReadOnlyList<ImportProblem> Items => _items;

    public bool Any => _items.Count > 0;

    public void Add(string file, int? line, string message) => _items.Add(new ImportProblem(file, line, message));

    public void AddRange(IEnumerable<ImportProblem> problems) => _items.AddRange(problems);
}
