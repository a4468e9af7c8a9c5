using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lantern.Audit;

/// <summary>
/// The exact bytes an audit entry's hash covers. The canonical entry is a run of fields, each a 4-byte
/// big-endian signed length followed by that many bytes of UTF-8 (a null field is length -1 and no bytes):
/// <code>
/// "lantern-audit/1"
/// organisation id   chain key as 36-char lower-case "D" form (the system chain is 00000000-0000-0000-0000-000000000000)
/// sequence          decimal, invariant culture
/// at                UTC as yyyy-MM-ddTHH:mm:ss.fffZ (whole milliseconds)
/// actor id          "D" form, or null
/// action
/// record count      decimal
/// each record       in the order given
/// detail            or null
/// </code>
/// hash = SHA-256(previous hash ‖ canonical entry); the first entry's previous hash is 32 zero bytes.
/// </summary>
public static class AuditCanonicalForm
{
    public const string Version = "lantern-audit/1";
    public const int HashBytes = 32;

    public static byte[] Genesis => new byte[HashBytes];

    public static byte[] Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var records = entry.RecordList;
        using var buffer = new MemoryStream(256);
        Field(buffer, Version);
        Field(buffer, entry.OrganisationId.ToString("D"));
        Field(buffer, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(buffer, Time(entry.At));
        Field(buffer, entry.ActorId?.ToString("D"));
        Field(buffer, entry.Action);
        Field(buffer, records.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var record in records)
        {
            Field(buffer, record);
        }

        Field(buffer, entry.Detail);
        return buffer.ToArray();
    }

    public static byte[] Hash(byte[] previousHash, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        var canonical = Canonical(entry);
        var input = new byte[previousHash.Length + canonical.Length];
        previousHash.CopyTo(input, 0);
        canonical.CopyTo(input, previousHash.Length);
        return SHA256.HashData(input);
    }

    /// <summary>
    /// A time as both databases give it back exactly: UTC, whole milliseconds (PostgreSQL keeps microseconds;
    /// the SQLite mapping of <see cref="DateTimeOffset"/> keeps a tenth of a millisecond).
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Field(MemoryStream buffer, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            buffer.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
