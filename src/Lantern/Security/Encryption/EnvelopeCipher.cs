using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Lantern.Security.Encryption;

/// <summary>
/// <see cref="IRecordCipher"/> by envelope encryption with AES-256-GCM. Each value gets a fresh data key;
/// the current master key wraps it. <see cref="Sealed.Data"/> is
/// <c>version(1) ‖ wrap nonce(12) ‖ wrap tag(16) ‖ wrapped data key(32) ‖ nonce(12) ‖ tag(16) ‖ ciphertext</c>.
/// The context is associated data of both the wrap (with the master key id) and the value, so a value
/// moved to another row, column or key id fails to open.
/// </summary>
public sealed class EnvelopeCipher(MasterKeyRing keys) : IRecordCipher
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int DataKeyBytes = 32;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes + DataKeyBytes + NonceBytes + TagBytes;

    public Sealed Seal(ReadOnlySpan<byte> plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var master = keys.Current;
        var data = new byte[HeaderBytes + plaintext.Length];
        data[0] = Version;
        var wrapNonce = data.AsSpan(1, NonceBytes);
        var wrapTag = data.AsSpan(1 + NonceBytes, TagBytes);
        var wrappedKey = data.AsSpan(1 + NonceBytes + TagBytes, DataKeyBytes);
        var nonce = data.AsSpan(1 + NonceBytes + TagBytes + DataKeyBytes, NonceBytes);
        var tag = data.AsSpan(1 + NonceBytes + TagBytes + DataKeyBytes + NonceBytes, TagBytes);
        var ciphertext = data.AsSpan(HeaderBytes);

        Span<byte> dataKey = stackalloc byte[DataKeyBytes];
        RandomNumberGenerator.Fill(dataKey);
        try
        {
            RandomNumberGenerator.Fill(wrapNonce);
            using (var wrap = new AesGcm(master.Key, TagBytes))
            {
                wrap.Encrypt(wrapNonce, dataKey, wrappedKey, wrapTag, WrapContext(master.Id, context));
            }

            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(dataKey, TagBytes);
            aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.UTF8.GetBytes(context));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        return new Sealed(master.Id, data);
    }

    public byte[] Open(Sealed value, string context)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(context);
        var master = keys.Find(value.KeyId)
            ?? throw new CryptographicException($"Master key '{value.KeyId}' is not in the key ring. Restore it to the key file or Lantern:Encryption:Keys.");
        var data = value.Data.AsSpan();
        if (data.Length < HeaderBytes || data[0] != Version)
        {
            throw new CryptographicException("The sealed value is damaged or not a Lantern sealed value.");
        }

        var wrapNonce = data.Slice(1, NonceBytes);
        var wrapTag = data.Slice(1 + NonceBytes, TagBytes);
        var wrappedKey = data.Slice(1 + NonceBytes + TagBytes, DataKeyBytes);
        var nonce = data.Slice(1 + NonceBytes + TagBytes + DataKeyBytes, NonceBytes);
        var tag = data.Slice(1 + NonceBytes + TagBytes + DataKeyBytes + NonceBytes, TagBytes);
        var ciphertext = data[HeaderBytes..];

        Span<byte> dataKey = stackalloc byte[DataKeyBytes];
        try
        {
            using (var wrap = new AesGcm(master.Key, TagBytes))
            {
                wrap.Decrypt(wrapNonce, wrappedKey, wrapTag, dataKey, WrapContext(master.Id, context));
            }

            var plaintext = new byte[ciphertext.Length];
            using var aes = new AesGcm(dataKey, TagBytes);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, Encoding.UTF8.GetBytes(context));
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public Sealed SealText(string plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return Seal(Encoding.UTF8.GetBytes(plaintext), context);
    }

    public string OpenText(Sealed value, string context) => Encoding.UTF8.GetString(Open(value, context));

    /// <summary>The wrap's associated data: length-prefixed key id, then the context.</summary>
    private static byte[] WrapContext(string keyId, string context)
    {
        var id = Encoding.UTF8.GetBytes(keyId);
        var ctx = Encoding.UTF8.GetBytes(context);
        var result = new byte[4 + id.Length + ctx.Length];
        BinaryPrimitives.WriteInt32BigEndian(result, id.Length);
        id.CopyTo(result, 4);
        ctx.CopyTo(result, 4 + id.Length);
        return result;
    }
}
