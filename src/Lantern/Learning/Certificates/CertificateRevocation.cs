namespace Lantern.Learning.Certificates;

/// <summary>The rules for the written reason a certificate is revoked with: required, and short enough to read at a glance.</summary>
public static class CertificateRevocation
{
    public const int MaxReasonLength = 500;

    /// <summary>The reason as it will be stored (trimmed), or why it is refused.</summary>
    public static (string? Reason, string? Problem) Read(string? given)
    {
        var reason = given?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return (null, "Enter why the certificate is being revoked");
        }

        return reason.Length > MaxReasonLength
            ? (null, $"The reason must be {MaxReasonLength} characters or fewer")
            : (reason, null);
    }
}
