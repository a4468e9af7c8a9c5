namespace Lantern.Courses;

/// <summary>Bound from <c>Lantern:Courses</c>.</summary>
public sealed class CourseOptions
{
    public const string Section = "Lantern:Courses";

    /// <summary>The shipped library: one folder per course. Default: <c>content/courses</c> beside the app.</summary>
    public string? LibraryFolder { get; set; }

    /// <summary>Import the library at start when its files have changed.</summary>
    public bool ImportLibraryOnStart { get; set; } = true;

    public string LibraryFolderFullPath => Path.GetFullPath(LibraryFolder ?? Path.Combine(AppContext.BaseDirectory, "content", "courses"));
}
