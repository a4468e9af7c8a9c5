namespace Lantern.Courses.Import;

/// <summary>One thing wrong with a course being imported: where (file and line) and what to do about it.</summary>
public sealed record ImportProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}, line {line}: {Message}" : $"{File}: {Message}";
}
