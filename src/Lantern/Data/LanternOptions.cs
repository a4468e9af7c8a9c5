namespace Lantern.Data;

/// <summary>Bound from <c>Lantern</c>: settings of the installation as a whole.</summary>
public sealed class LanternOptions
{
    public const string Section = "Lantern";

    /// <summary>The installation's name, shown in the header and on printouts.</summary>
    public string SiteName { get; set; } = "Lantern";

    /// <summary>The folder for the SQLite file, exported audit heads and mail pickup. Relative paths are from the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Create the demo organisation and its people (only into an empty database).</summary>
    public bool Demo { get; set; }

    public string DataFolderFullPath => Path.GetFullPath(DataFolder);
}
