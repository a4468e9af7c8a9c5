namespace Lantern.Security.Encryption;

/// <summary>
/// Envelope encryption of sensitive free text and files at rest (AES-GCM; ENGINEERING.md, "Security").
/// The master key comes from a file or environment variable, never the database; every sealed
/// value names the key that sealed it, so keys can be rotated and old rows still opened.
/// The <c>context</c> argument binds a value to its place (e.g. <c>concern:{id}:what-happened</c>) as
/// associated data: a value copied to another row or column fails to open.
/// </summary>
public interface IRecordCipher
{
    Sealed Seal(ReadOnlySpan<byte> plaintext, string context);

    byte[] Open(Sealed value, string context);

    Sealed SealText(string plaintext, string context);

    string OpenText(Sealed value, string context);
}

/// <summary>A sealed value as stored: the id of the key that sealed it and the bytes (nonce, tag and ciphertext).</summary>
public sealed record Sealed(string KeyId, byte[] Data);
