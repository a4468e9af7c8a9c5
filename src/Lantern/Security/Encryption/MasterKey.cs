namespace Lantern.Security.Encryption;

/// <summary>One 256-bit master key and the id sealed values carry to name it.</summary>
public sealed record MasterKey(string Id, byte[] Key)
{
    public const int KeyBytes = 32;

    public override string ToString() => Id;

    /// <summary>The key as written in a key file or the environment: <c>id:base64</c>.</summary>
    public string ToLine() => Id + ":" + Convert.ToBase64String(Key);

    public static MasterKey Parse(string line, string source)
    {
        ArgumentNullException.ThrowIfNull(line);
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new InvalidOperationException($"A master key in {source} is not in the form id:base64-key.");
        }

        var id = line[..colon].Trim();
        byte[] key;
        try
        {
            key = Convert.FromBase64String(line[(colon + 1)..].Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Master key '{id}' in {source} is not valid base64.");
        }

        if (key.Length != KeyBytes || id.Any(c => char.IsWhiteSpace(c) || c is ':' or ';'))
        {
            throw new InvalidOperationException($"Master key '{id}' in {source} must be {KeyBytes} bytes, with an id without spaces, ':' or ';'.");
        }

        return new MasterKey(id, key);
    }
}
