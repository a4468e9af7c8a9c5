using System.IO.Compression;
using System.Text;
using Lantern.Courses.Import;

namespace Lantern.Tests.Courses;

/// <summary>The shipped sample course as files a test can change: the fixture for the import tests.</summary>
public sealed class SampleCourse
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "content", "courses", "sample-course");

    public Dictionary<string, byte[]> Files { get; } = Directory
        .EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    public string Text(string path) => Encoding.UTF8.GetString(Files[path]);

    public SampleCourse With(string path, string text)
    {
        Files[path] = Encoding.UTF8.GetBytes(text);
        return this;
    }

    public SampleCourse Replace(string path, string oldText, string newText)
    {
        var text = Text(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return With(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public SampleCourse Without(string path)
    {
        Files.Remove(path);
        return this;
    }

    public CourseSource Source() => CourseSource.FromFiles("sample-course", Files);

    public CourseReader.Result Read() => CourseReader.Read(Source(), Guid.CreateVersion7());

    public byte[] Zip(IEnumerable<string>? extraPaths = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, data) in Files)
            {
                using var entry = zip.CreateEntry("sample-course/" + path).Open();
                entry.Write(data);
            }

            foreach (var path in extraPaths ?? [])
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write("x"u8);
            }
        }

        return buffer.ToArray();
    }
}
