using System.IO.Compression;
using System.Security.Cryptography;

namespace Lantern.Courses.Import;

/// <summary>
/// The files of a course being imported, read from a folder or a zip, with the limits applied as they
/// are read: a path that climbs out of the course folder, a file over the size limit or too many files
/// is a problem, and the file is left out. Paths use forward slashes, relative to the course folder.
/// </summary>
public sealed class CourseSource
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<ImportProblem> _problems = [];

    private CourseSource(string name) => Name = name;

    /// <summary>What the author gave: a folder path or a zip's file name, for messages.</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>SHA-256 over every path and content, in path order: equal for equal folders.</summary>
    public string Hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, data) in _files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n" + data.Length + "\n"));
            sha.AppendData(data);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Files given by path, with the same limits as a folder or zip (for tests and tools).</summary>
    public static CourseSource FromFiles(string name, IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var source = new CourseSource(name);
        foreach (var (path, data) in files)
        {
            if (!IsInside(path))
            {
                source._problems.Add(new ImportProblem(path, null, "This path leads outside the course folder, so it was refused."));
                continue;
            }

            using var stream = new MemoryStream(data);
            source.Add(path, stream, data.Length);
        }

        return source;
    }

    public static CourseSource FromFolder(string folder)
    {
        var source = new CourseSource(folder);
        var root = new DirectoryInfo(folder);
        if (!root.Exists)
        {
            source._problems.Add(new ImportProblem(folder, null, "There is no folder here. Give the path of the course folder (the one holding course.yaml) or of a zip of it."));
            return source;
        }

        foreach (var file in root.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint }))
        {
            var path = Path.GetRelativePath(root.FullName, file.FullName).Replace('\\', '/');
            using var stream = file.OpenRead();
            source.Add(path, stream, file.Length);
        }

        return source;
    }

    public static async Task<CourseSource> FromZipAsync(Stream zip, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var source = new CourseSource(name);
        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException)
        {
            source._problems.Add(new ImportProblem(name, null, "This is not a zip file that can be opened. Make a zip of the course folder and upload that."));
            return source;
        }

        await using (archive)
        {
            // A zip made of the folder itself holds one top folder: the course is inside it.
            var names = archive.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName.Replace('\\', '/')).ToList();
            var prefix = names.Count > 0 && !names.Contains("course.yaml") && names.All(n => n.Contains('/', StringComparison.Ordinal))
                && names.Select(n => n[..(n.IndexOf('/', StringComparison.Ordinal) + 1)]).Distinct().Count() == 1
                ? names[0][..(names[0].IndexOf('/', StringComparison.Ordinal) + 1)]
                : string.Empty;
            foreach (var entry in archive.Entries)
            {
                var path = entry.FullName.Replace('\\', '/');
                if (path.EndsWith('/'))
                {
                    continue;
                }

                if (!IsInside(path))
                {
                    source._problems.Add(new ImportProblem(path, null, "This path in the zip leads outside the course folder, so it was refused. Make the zip again from the course folder itself."));
                    continue;
                }

                await using var stream = await entry.OpenAsync(cancellationToken);
                source.Add(path[prefix.Length..], stream, entry.Length);
            }
        }

        return source;
    }

    private static bool IsInside(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains(':', StringComparison.Ordinal)
        && path.Split('/').All(part => part is not ("" or "." or ".."));

    private void Add(string path, Stream stream, long declaredLength)
    {
        if (path.Split('/').Any(part => part.StartsWith('.')))
        {
            return; // .git, .DS_Store and the like are not part of a course.
        }

        if (_files.Count >= CourseRules.MaxFiles)
        {
            if (_files.Count == CourseRules.MaxFiles)
            {
                _problems.Add(new ImportProblem(path, null, $"A course may hold at most {CourseRules.MaxFiles} files. Remove files the course does not use."));
            }

            return;
        }

        var limit = Limit(path);
        if (declaredLength > limit)
        {
            _problems.Add(TooLarge(path, limit));
            return;
        }

        // Read no more than the limit, whatever the zip says the size is.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                _problems.Add(TooLarge(path, limit));
                return;
            }
        }

        if (_files.Values.Sum(f => (long)f.Length) + buffer.Length > CourseRules.MaxCourseBytes)
        {
            _problems.Add(new ImportProblem(path, null, $"The course is larger than {CourseRules.MaxCourseBytes / (1024 * 1024)} MB in all. Make videos and images smaller."));
            return;
        }

        _files[path] = buffer.ToArray();
    }

    private static long Limit(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? CourseRules.MaxTextFileBytes
            : CourseRules.MaxMediaFileBytes;

    private static ImportProblem TooLarge(string path, long limit) =>
        new(path, null, $"This file is larger than the limit of {(limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB")}. Split the text into chapters, or make the media file smaller.");
}
