using System.Security.Cryptography;

namespace Lantern.Learning.Certificates;

/// <summary>
/// Verification codes: 15 random bytes (120 bits, above the 80 the issue asks for) in Crockford's base 32,
/// in groups of four so a person can read one out: <c>7K2M-9QXD-…</c>. Reading a typed code forgives
/// case, spaces, missing hyphens and the letters people mistake for digits.
/// </summary>
public static class CertificateCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Characters = 24;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[15];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[Characters];
        var bits = 0;
        var value = 0;
        var n = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = Alphabet[(value >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        return Group(new string(chars));
    }

    /// <summary>The code in its stored form, or null when the text cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 60)
        {
            return null;
        }

        var chars = new List<char>(Characters);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var mapped = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            chars.Add(mapped);
        }

        return chars.Count == Characters ? Group(new string([.. chars])) : null;
    }

    private static string Group(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));
}
