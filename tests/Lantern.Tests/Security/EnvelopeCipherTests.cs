using System.Security.Cryptography;
using Lantern.Data;
using Lantern.Security.Encryption;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.Security;

public sealed class EnvelopeCipherTests
{
    private static readonly MasterKey First = new("first", Enumerable.Repeat((byte)7, 32).ToArray());
    private static readonly MasterKey Second = new("second", Enumerable.Repeat((byte)9, 32).ToArray());

    [Theory]
    [InlineData("")]
    [InlineData("He said “don’t tell mum” 🙂 — at the bus stop")]
    [InlineData("<script>alert(1)</script>'; DROP TABLE Concerns; --")]
    public void Text_sealed_in_a_context_opens_in_that_context(string text)
    {
        var cipher = Cipher(First);

        var sealedText = cipher.SealText(text, "concern:1:what-happened");

        Assert.Equal("first", sealedText.KeyId);
        Assert.Equal(text, cipher.OpenText(sealedText, "concern:1:what-happened"));
    }

    [Fact]
    public void A_megabyte_opens_byte_for_byte()
    {
        var cipher = Cipher(First);
        var data = RandomNumberGenerator.GetBytes(1024 * 1024);

        Assert.Equal(data, cipher.Open(cipher.Seal(data, "attachment:1"), "attachment:1"));
    }

    [Fact]
    public void The_same_text_sealed_twice_gives_different_bytes()
    {
        var cipher = Cipher(First);

        Assert.NotEqual(cipher.SealText("same", "c").Data, cipher.SealText("same", "c").Data);
    }

    [Fact]
    public void A_value_moved_to_another_row_or_column_does_not_open()
    {
        var cipher = Cipher(First);
        var sealedText = cipher.SealText("what the child said", "concern:1:what-happened");

        Assert.ThrowsAny<CryptographicException>(() => cipher.OpenText(sealedText, "concern:2:what-happened"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.OpenText(sealedText, "concern:1:where"));
    }

    [Fact]
    public void A_changed_byte_does_not_open()
    {
        var cipher = Cipher(First);
        var sealedText = cipher.SealText("what the child said", "c");
        foreach (var index in new[] { 0, 5, 40, 70, sealedText.Data.Length - 1 })
        {
            var data = (byte[])sealedText.Data.Clone();
            data[index] ^= 1;
            Assert.ThrowsAny<CryptographicException>(() => cipher.OpenText(sealedText with { Data = data }, "c"));
        }
    }

    [Fact]
    public void A_value_claiming_another_key_id_or_a_key_not_in_the_ring_does_not_open()
    {
        var cipher = Cipher(First, Second);
        var sealedText = cipher.SealText("text", "c");

        Assert.ThrowsAny<CryptographicException>(() => cipher.OpenText(sealedText with { KeyId = "first" }, "c"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.OpenText(sealedText with { KeyId = "gone" }, "c"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.OpenText(sealedText with { Data = [1, 2, 3] }, "c"));
    }

    [Fact]
    public void The_last_key_seals_and_every_key_in_the_ring_still_opens()
    {
        var before = Cipher(First).SealText("old", "c");
        var after = Cipher(First, Second);

        var sealedNow = after.SealText("new", "c");

        Assert.Equal("second", sealedNow.KeyId);
        Assert.Equal("old", after.OpenText(before, "c"));
        Assert.Equal("new", after.OpenText(sealedNow, "c"));
        Assert.ThrowsAny<CryptographicException>(() => Cipher(First).OpenText(sealedNow, "c"));
    }

    [Theory]
    [InlineData("no-colon")]
    [InlineData("k:not base64!")]
    [InlineData("k:AAAA")]
    public void A_badly_written_key_is_refused_at_start_with_the_reason(string keys) =>
        Assert.Throws<InvalidOperationException>(() => Ring(keys));

    internal static EnvelopeCipher Cipher(params MasterKey[] keys) => new(Ring(string.Join(';', keys.Select(k => k.ToLine()))));

    private static MasterKeyRing Ring(string keys) => new(
        Options.Create(new EncryptionOptions { Keys = keys }),
        Options.Create(new LanternOptions()),
        TimeProvider.System,
        NullLogger<MasterKeyRing>.Instance);
}
