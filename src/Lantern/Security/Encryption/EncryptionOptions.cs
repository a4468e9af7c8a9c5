namespace Lantern.Security.Encryption;

/// <summary>Bound from <c>Lantern:Encryption</c>: where the master keys come from (never the database).</summary>
public sealed class EncryptionOptions
{
    public const string Section = "Lantern:Encryption";

    /// <summary>
    /// A file of master keys, one <c>id:base64-key</c> a line, the last one current. <c>Lantern keys rotate</c>
    /// appends a new line. Empty (and <see cref="Keys"/> empty): <c>keys/master.keys</c> in the data folder,
    /// created on first start with a warning.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// Master keys given by the environment instead of a file: <c>id:base64-key</c> entries separated by
    /// <c>;</c>, the last one current. When set, <see cref="KeyFile"/> is not read.
    /// </summary>
    public string? Keys { get; set; }
}
