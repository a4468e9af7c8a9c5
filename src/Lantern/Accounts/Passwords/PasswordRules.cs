namespace Lantern.Accounts.Passwords;

/// <summary>
/// Length limits without composition rules (NIST SP 800-63B; OWASP ASVS 5.0 V6.2). The hashing cost is
/// PBKDF2-HMAC-SHA512 at the OWASP figure of 210,000 iterations.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;
    public const int HashIterations = 210_000;
}
