using System.Security.Cryptography;
using System.Text;
using Lantern.Audit;

namespace Lantern.Tests.Audit;

public sealed class AuditCanonicalFormTests
{
    private static AuditEntry Entry() => new()
    {
        OrganisationId = Guid.Parse("0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000"),
        Sequence = 12,
        At = new DateTimeOffset(2026, 11, 29, 9, 30, 15, TimeSpan.Zero).AddTicks(1234560),
        ActorId = null,
        Action = "concern.read",
        Records = "concern:1\nchild:2",
        Detail = "é",
    };

    [Fact]
    public void The_canonical_entry_is_length_prefixed_utf8_fields_in_a_fixed_order()
    {
        static byte[] Field(string? value) => value is null
            ? [0xFF, 0xFF, 0xFF, 0xFF]
            : [.. BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(Encoding.UTF8.GetByteCount(value))), .. Encoding.UTF8.GetBytes(value)];

        byte[] expected =
        [
            .. Field("lantern-audit/1"),
            .. Field("0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000"),
            .. Field("12"),
            .. Field("2026-11-29T09:30:15.123Z"),
            .. Field(null),
            .. Field("concern.read"),
            .. Field("2"),
            .. Field("concern:1"),
            .. Field("child:2"),
            .. Field("é"),
        ];

        Assert.Equal(expected, AuditCanonicalForm.Canonical(Entry()));
    }

    [Fact]
    public void The_hash_is_sha256_of_the_previous_hash_then_the_canonical_entry()
    {
        var previous = SHA256.HashData("x"u8);

        Assert.Equal(SHA256.HashData([.. previous, .. AuditCanonicalForm.Canonical(Entry())]), AuditCanonicalForm.Hash(previous, Entry()));
    }

    [Fact]
    public void No_detail_and_an_empty_detail_hash_differently_and_records_cannot_run_together()
    {
        var none = Entry();
        none.Detail = null;
        var empty = Entry();
        empty.Detail = string.Empty;
        var joined = Entry();
        joined.Records = "concern:1child:2";

        Assert.NotEqual(AuditCanonicalForm.Hash(AuditCanonicalForm.Genesis, none), AuditCanonicalForm.Hash(AuditCanonicalForm.Genesis, empty));
        Assert.NotEqual(AuditCanonicalForm.Hash(AuditCanonicalForm.Genesis, Entry()), AuditCanonicalForm.Hash(AuditCanonicalForm.Genesis, joined));
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_both_databases_store()
    {
        var at = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567);

        var truncated = AuditCanonicalForm.Truncate(at);

        Assert.Equal(TimeSpan.Zero, truncated.Offset);
        Assert.Equal(at.UtcTicks - 4567, truncated.UtcTicks);
    }
}
