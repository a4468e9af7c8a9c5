namespace Lantern.Courses.Import;

/// <summary>What came of an import: a new version, nothing (the library course had not changed), or a rejection with every problem.</summary>
public sealed record ImportOutcome(string? CourseSlug, string? Title, int? VersionNumber, bool Unchanged, IReadOnlyList<ImportProblem> Problems)
{
    public bool Imported => Problems.Count == 0 && !Unchanged;

    public static ImportOutcome Rejected(IReadOnlyList<ImportProblem> problems) => new(null, null, null, false, problems);
}
